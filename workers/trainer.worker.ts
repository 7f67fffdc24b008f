/**
 * The training worker: the trainer service exposed with comlink on the worker's global scope
 * (expose-service.ts, the same entry the Node tests run in a worker thread).
 */
import { exposeTrainerService } from './expose-service.ts';

exposeTrainerService();
