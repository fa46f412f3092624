import { installModel } from '../src/model';

// Every test process wires the model as the app and the relay do at their start, and quietly:
// a test that checks what a reader reports passes its own logger.
installModel();
