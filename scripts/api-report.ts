/**
 * API report: the public types of @rivulet/core and @rivulet/react as text, read from their source
 * entries with the TypeScript compiler. It lists every exported name with its declared shape
 * (functions and methods by their signatures, interfaces and classes by their public members, type
 * aliases by their definitions, constants by their types), then the package's own types that are
 * not exported but that an export names: a change to one of those changes the public types too.
 *
 * `pnpm api:update` writes `packages/<name>/api-report.md`; each package's `test/api-report.test.ts`
 * fails when its source no longer matches the file, as `test/public-api.test.ts` does for the names
 * of the runtime exports. Review the diff of the report as part of any change to the public API.
 *
 * Usage: `tsx scripts/api-report.ts --write` (what `pnpm api:update` runs) or `--check`.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** A package whose public types are reported: its folder and its entries (export path to source file). */
export interface ReportedPackage {
  name: string;
  dir: string;
  entries: Record<string, string>;
}

export const reportedPackages: readonly ReportedPackage[] = [
  { name: '@rivulet/core', dir: 'packages/core', entries: { '.': 'src/index.ts', './syntax': 'src/syntax.ts' } },
  {
    name: '@rivulet/react',
    dir: 'packages/react',
    entries: { '.': 'src/index.ts', './server': 'src/server/index.ts' },
  },
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where a package's report is checked in. */
export function reportPath(pkg: ReportedPackage): string {
  return join(root, pkg.dir, 'api-report.md');
}

/** The compiler options of the repository's typecheck (sources resolved through the `@rivulet/source` condition). */
function compilerOptions(): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
  return { ...parsed.options, noEmit: true };
}

const typeFormat =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope |
  ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

class Reporter {
  private readonly checker: ts.TypeChecker;
  /** Absolute path of the package's `src/` folder: its own declarations live there. */
  private readonly source: string;
  private readonly exported = new Set<ts.Symbol>();
  private readonly reachable = new Map<ts.Symbol, string>();

  constructor(
    private readonly program: ts.Program,
    pkg: ReportedPackage,
  ) {
    this.checker = program.getTypeChecker();
    this.source = join(root, pkg.dir, 'src') + sep;
  }

  /** The exports of one entry, each as its exported name and the symbol it stands for. */
  exportsOf(file: string): Array<[string, ts.Symbol]> {
    const sourceFile = this.program.getSourceFile(file);
    if (!sourceFile) throw new Error(`[rivulet] api-report: ${file} is not in the program`);
    const moduleSymbol = this.checker.getSymbolAtLocation(sourceFile);
    if (!moduleSymbol) return [];
    const exports = this.checker
      .getExportsOfModule(moduleSymbol)
      .map((symbol): [string, ts.Symbol] => [symbol.name, this.resolve(symbol)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, symbol] of exports) this.exported.add(symbol);
    return exports;
  }

  private resolve(symbol: ts.Symbol): ts.Symbol {
    return symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  /** The node as source, on one line, without comments or a trailing semicolon. */
  private text(node: ts.Node): string {
    return printer
      .printNode(ts.EmitHint.Unspecified, node, node.getSourceFile())
      .replace(/\s*\n\s*/g, ' ')
      .replace(/;$/, '')
      .trim();
  }

  private type(type: ts.Type): string {
    return this.checker.typeToString(type, undefined, typeFormat);
  }

  private typeText(node: ts.TypeNode | undefined, at: ts.Node): string {
    if (node) return this.text(node);
    return this.type(this.checker.getTypeAtLocation(at));
  }

  /**
   * `<T>(a: A, b?: B): R` as the checker reads the declaration (inferred return types included). A
   * destructured parameter is named by its position: its local names are not part of the type.
   */
  private signature(declaration: ts.SignatureDeclaration, withReturn = true): string {
    const signature = this.checker.getSignatureFromDeclaration(declaration);
    if (!signature) return '()';
    const typeParameters = (declaration.typeParameters ?? []).map((parameter) => this.text(parameter));
    const parameters = declaration.parameters.map((parameter, index) => {
      const type = this.checker.getTypeAtLocation(parameter);
      this.noteType(type);
      const name = ts.isIdentifier(parameter.name) ? parameter.name.text : `arg${index}`;
      const rest = parameter.dotDotDotToken ? '...' : '';
      const optional = parameter.questionToken || parameter.initializer ? '?' : '';
      return `${rest}${name}${optional}: ${parameter.type ? this.text(parameter.type) : this.type(type)}`;
    });
    const returnType = signature.getReturnType();
    this.noteType(returnType);
    const head = `${typeParameters.length > 0 ? `<${typeParameters.join(', ')}>` : ''}(${parameters.join(', ')})`;
    if (!withReturn) return head;
    return `${head}: ${declaration.type ? this.text(declaration.type) : this.type(returnType)}`;
  }

  private isPublicMember(member: ts.ClassElement | ts.TypeElement): boolean {
    if (member.name && ts.isPrivateIdentifier(member.name)) return false;
    const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
    return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
  }

  private member(member: ts.ClassElement | ts.TypeElement): string | undefined {
    if (!this.isPublicMember(member)) return undefined;
    const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
    const prefix =
      (flags & ts.ModifierFlags.Static ? 'static ' : '') + (flags & ts.ModifierFlags.Readonly ? 'readonly ' : '');
    const name = member.name ? this.text(member.name) : '';
    const optional = 'questionToken' in member && member.questionToken ? '?' : '';
    if (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) {
      return `${prefix}${name}${optional}: ${this.typeText(member.type, member)}`;
    }
    if (ts.isMethodSignature(member) || ts.isMethodDeclaration(member)) {
      return `${prefix}${name}${optional}${this.signature(member)}`;
    }
    if (ts.isConstructorDeclaration(member)) return `constructor${this.signature(member, false)}`;
    if (ts.isGetAccessorDeclaration(member)) return `${prefix}get ${name}(): ${this.typeText(member.type, member)}`;
    if (ts.isSetAccessorDeclaration(member)) return `${prefix}set ${name}${this.signature(member)}`;
    if (ts.isClassStaticBlockDeclaration(member) || ts.isSemicolonClassElement(member)) return undefined;
    return this.text(member);
  }

  private heading(declaration: ts.InterfaceDeclaration | ts.ClassDeclaration, keyword: string, name: string): string {
    const typeParameters = declaration.typeParameters
      ? `<${declaration.typeParameters.map((parameter) => this.text(parameter)).join(', ')}>`
      : '';
    const heritage = (declaration.heritageClauses ?? []).map((clause) => ` ${this.text(clause)}`).join('');
    return `${keyword} ${name}${typeParameters}${heritage}`;
  }

  private block(head: string, members: ReadonlyArray<ts.ClassElement | ts.TypeElement>): string {
    const lines = members.map((member) => this.member(member)).filter((line): line is string => line !== undefined);
    return lines.length === 0 ? `${head} {}` : `${head} {\n${lines.map((line) => `  ${line};`).join('\n')}\n}`;
  }

  /** One symbol's declared shape, under the name it is exported as. */
  describe(name: string, symbol: ts.Symbol): string {
    const parts: string[] = [];
    const declarations = symbol.declarations ?? [];
    let hasFunction = false;
    for (const declaration of declarations) {
      this.walk(declaration);
      if (ts.isFunctionDeclaration(declaration)) {
        if (hasFunction) continue;
        hasFunction = true;
        const signatures = this.checker.getSignaturesOfType(
          this.checker.getTypeOfSymbol(symbol),
          ts.SignatureKind.Call,
        );
        for (const signature of signatures) {
          const { declaration: signatureDeclaration } = signature;
          if (signatureDeclaration && !ts.isJSDocSignature(signatureDeclaration)) {
            parts.push(`function ${name}${this.signature(signatureDeclaration)}`);
          }
        }
      } else if (ts.isVariableDeclaration(declaration)) {
        const type = this.checker.getTypeOfSymbol(symbol);
        this.noteType(type);
        parts.push(`const ${name}: ${this.type(type)}`);
      } else if (ts.isInterfaceDeclaration(declaration)) {
        parts.push(this.block(this.heading(declaration, 'interface', name), declaration.members));
      } else if (ts.isClassDeclaration(declaration)) {
        parts.push(this.block(this.heading(declaration, 'class', name), declaration.members));
      } else if (ts.isTypeAliasDeclaration(declaration)) {
        const typeParameters = declaration.typeParameters
          ? `<${declaration.typeParameters.map((parameter) => this.text(parameter)).join(', ')}>`
          : '';
        parts.push(`type ${name}${typeParameters} = ${this.text(declaration.type)}`);
      } else {
        parts.push(this.text(declaration));
      }
    }
    return parts.join('\n');
  }

  private isOwn(symbol: ts.Symbol): boolean {
    if (symbol.name.startsWith('__')) return false;
    return (symbol.declarations ?? []).some((declaration) =>
      declaration.getSourceFile().fileName.split('/').join(sep).startsWith(this.source),
    );
  }

  /** Records a type of the package's own that is not exported (and what it names in turn). */
  private note(symbol: ts.Symbol | undefined): void {
    if (!symbol) return;
    const target = this.resolve(symbol);
    if (this.exported.has(target) || this.reachable.has(target) || !this.isOwn(target)) return;
    if (!(target.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Class)) || target.flags & ts.SymbolFlags.TypeParameter)
      return;
    this.reachable.set(target, '');
    this.reachable.set(target, this.describe(target.name, target));
  }

  /** Notes the named types inside a type the checker inferred (a constant's, a signature's). */
  private noteType(type: ts.Type, depth = 0): void {
    if (depth > 3) return;
    this.note(type.aliasSymbol);
    if (!type.aliasSymbol) this.note(type.getSymbol());
    for (const argument of type.aliasTypeArguments ?? []) this.noteType(argument, depth + 1);
    if (type.isUnionOrIntersection()) for (const part of type.types) this.noteType(part, depth + 1);
    if (type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) {
      for (const argument of this.checker.getTypeArguments(type as ts.TypeReference))
        this.noteType(argument, depth + 1);
    }
  }

  /** Notes the types a declaration names in its source. */
  private walk(node: ts.Node): void {
    if (ts.isTypeReferenceNode(node)) this.note(this.checker.getSymbolAtLocation(node.typeName));
    else if (ts.isExpressionWithTypeArguments(node)) this.note(this.checker.getSymbolAtLocation(node.expression));
    else if (ts.isTypeQueryNode(node)) this.note(this.checker.getSymbolAtLocation(node.exprName));
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      // Only the signature is public: what a function body names is not.
      for (const child of [...(node.typeParameters ?? []), ...node.parameters]) this.walk(child);
      if (node.type) this.walk(node.type);
      return;
    }
    if (ts.isVariableDeclaration(node)) {
      if (node.type) this.walk(node.type);
      return;
    }
    ts.forEachChild(node, (child) => this.walk(child));
  }

  reachableTypes(): string[] {
    return [...this.reachable.entries()]
      .sort(([a], [b]) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(([, text]) => text);
  }
}

function fence(lines: readonly string[]): string {
  return ['```ts', ...lines, '```'].join('\n');
}

let sharedProgram: ts.Program | undefined;

function programFor(): ts.Program {
  if (!sharedProgram) {
    const rootNames = reportedPackages.flatMap((pkg) =>
      Object.values(pkg.entries).map((entry) => join(root, pkg.dir, entry)),
    );
    sharedProgram = ts.createProgram({ rootNames, options: compilerOptions() });
  }
  return sharedProgram;
}

/** The report of one package's public types, as `api-report.md` holds it. */
export function apiReport(pkg: ReportedPackage): string {
  const reporter = new Reporter(programFor(), pkg);
  const entries = Object.entries(pkg.entries).map(([path, file]) => ({
    path,
    file,
    exports: reporter.exportsOf(join(root, pkg.dir, file)),
  }));
  const sections = entries.map(({ path, file, exports }) => {
    const specifier = path === '.' ? pkg.name : `${pkg.name}/${path.slice(2)}`;
    const shapes = exports.map(([name, symbol]) => reporter.describe(name, symbol));
    return `## \`${specifier}\` (\`${file}\`)\n\n${fence(shapes)}\n`;
  });
  const reachable = reporter.reachableTypes();
  const text = [
    `# ${pkg.name}: API report`,
    '',
    `The public types of \`${pkg.name}\`, read from its source by \`scripts/api-report.ts\`. Do not edit this`,
    'file: after changing the public API on purpose, run `pnpm api:update` and review the diff.',
    '`test/api-report.test.ts` fails when the source and this report disagree.',
    '',
    ...sections,
    '## Not exported, but named by the public types',
    '',
    reachable.length === 0 ? 'None.\n' : `${fence(reachable)}\n`,
  ].join('\n');
  // No path of this machine may leak into the report.
  return text.split(root).join('');
}

/** The checked-in report of `pkg`. */
export function checkedInReport(pkg: ReportedPackage): string {
  return readFileSync(reportPath(pkg), 'utf8');
}

function main(argv: readonly string[]): void {
  const write = argv.includes('--write');
  let stale = 0;
  for (const pkg of reportedPackages) {
    const report = apiReport(pkg);
    const path = relative(root, reportPath(pkg));
    let current = '';
    try {
      current = checkedInReport(pkg);
    } catch {
      // No report yet.
    }
    if (current === report) {
      console.log(`${path}: up to date`);
    } else if (write) {
      writeFileSync(reportPath(pkg), report);
      console.log(`${path}: written`);
    } else {
      stale += 1;
      console.log(`${path}: out of date (run pnpm api:update)`);
    }
  }
  if (stale > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
