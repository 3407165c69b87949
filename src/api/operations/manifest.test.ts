import { type OperationName, operations } from './index';
import { operationModuleOf, operationModules } from './manifest';

describe('the operation manifest', () => {
  it('names, for every operation of the table, the module that defines it as the table does', async () => {
    const names = Object.keys(operationModuleOf) as OperationName[];
    expect(names.sort()).toEqual((Object.keys(operations) as OperationName[]).sort());
    for (const name of names) {
      const table: Record<string, unknown> = await operationModules[operationModuleOf[name]]();
      expect(table[name], `${name} in ${operationModuleOf[name]}`).toBe(operations[name]);
    }
  });
});
