/** Vite's inline worker import: the module's default export constructs the bundled worker. */
declare module '*?worker&inline' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
