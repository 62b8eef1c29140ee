/**
 * The edition's personography. (Minimal stand-in; the Entities work replaces this file and keeps the
 * exported names.)
 */
export class PersonRegistry {}
