export async function writeDemoInbox(_d: string, _o: { asOf: string }): Promise<void> {}
