// Reads electron@45's electron.d.ts with the TypeScript compiler API, so tests
// compare the fake with Electron's own list of members and events.
import fs from 'node:fs';
import ts from 'typescript';

const declarationFile = require.resolve('electron/electron.d.ts');

export interface ClassMembers {
  /** Instance methods and properties (getters included), without the event overloads. */
  readonly members: string[];
  /** Event names from the `on(event: '…', …)` overloads. */
  readonly events: string[];
}

/** The instance members and events of `class <name>` inside `declare namespace Electron`. */
export function electronClassMembers(name: string): ClassMembers {
  const source = ts.createSourceFile(
    declarationFile,
    fs.readFileSync(declarationFile, 'utf8'),
    ts.ScriptTarget.Latest,
  );
  let found: ts.ClassDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isModuleDeclaration(node) && node.name.text === 'Electron' && node.body !== undefined) {
      ts.forEachChild(node.body, (child) => {
        if (ts.isClassDeclaration(child) && child.name?.text === name) found = child;
      });
    }
  };
  ts.forEachChild(source, visit);
  if (found === undefined) throw new Error(`class ${name} not found in ${declarationFile}`);
  const members = new Set<string>();
  const events = new Set<string>();
  for (const member of found.members) {
    const isStatic =
      ts.canHaveModifiers(member) &&
      ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (isStatic || member.name === undefined || !ts.isIdentifier(member.name)) continue;
    const memberName = member.name.text;
    if (ts.isMethodDeclaration(member) && memberName === 'on') {
      const first = member.parameters[0]?.type;
      if (first !== undefined && ts.isLiteralTypeNode(first) && ts.isStringLiteral(first.literal))
        events.add(first.literal.text);
      continue;
    }
    if (['on', 'off', 'once', 'addListener', 'removeListener'].includes(memberName)) continue;
    members.add(memberName);
  }
  return { members: [...members].sort(), events: [...events].sort() };
}
