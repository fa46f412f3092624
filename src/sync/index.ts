export * from './location';
export * from './api';
export * from './remembered';
export * from './connect';
