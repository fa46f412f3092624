// Map links are parsed by the relay too (server/upstream), which may import only src/model.
export * from '../model/location';
