import type { DocumentPass } from '../pass.js';

/** Persons, dates and places in running text. (Stand-in until the Entities work lands: tags nothing.) */
export const entitiesPass: DocumentPass = {
  name: 'entities',
  run: () => {},
};
