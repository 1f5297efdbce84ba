import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { pickLanguage } from '../../../renderer/src/i18n/languages';
import { vi } from '../../../renderer/src/i18n/vi';

const RENDERER = join(__dirname, '..', '..', '..', 'renderer', 'src');

/**
 * Text with letters that may stay untranslated: the product name. Everything else a person
 * reads (JSX text, aria-label, title, placeholder, alt, toast messages) goes through t().
 * Symbols (×, ?, —, ▲, ✎, ■) have no letters and need no entry here.
 */
const ALLOWED_LITERALS = new Set(['Marginalia']);
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'aria-valuetext',
  'aria-roledescription',
]);
const PLURAL = /_(one|other)$/;

function leafKeys(resources: object, prefix = ''): string[] {
  return Object.entries(resources).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const hasLetters = (text: string) => /\p{L}/u.test(text);

/** The string literals an expression shows as it is (not ones it compares or passes to t()). */
function displayedLiterals(expression: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression];
  if (ts.isTemplateExpression(expression))
    return [expression.head, ...expression.templateSpans.map((span) => span.literal)];
  if (ts.isParenthesizedExpression(expression)) return displayedLiterals(expression.expression);
  if (ts.isConditionalExpression(expression))
    return [...displayedLiterals(expression.whenTrue), ...displayedLiterals(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken)
      return [...displayedLiterals(expression.left), ...displayedLiterals(expression.right)];
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return displayedLiterals(expression.right);
  }
  return [];
}

const literalText = (node: ts.Node) =>
  ts.isJsxText(node) ? node.text.trim() : (node as ts.LiteralLikeNode).text.trim();

interface Finding {
  where: string;
  text: string;
}

/** Hard-coded human-language text in one renderer source file. */
function hardCodedText(path: string): Finding[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node) => {
    const text = literalText(node);
    if (!hasLetters(text) || ALLOWED_LITERALS.has(text)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    findings.push({ where: `${relative(RENDERER, path)}:${line + 1}`, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      displayedLiterals(node.expression).forEach(report);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node.initializer);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression)
        displayedLiterals(node.initializer.expression).forEach(report);
    }
    // Toasts: notify(kind, message).
    if (ts.isCallExpression(node) && /\bnotify$/.test(node.expression.getText()) && node.arguments[1])
      displayedLiterals(node.arguments[1]).forEach(report);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** Every t('key') / i18next.t('key') in a file: literal keys, and static prefixes of template keys. */
function usedKeys(path: string): { key: string; prefix: boolean; where: string }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const keys: { key: string; prefix: boolean; where: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && /^(t|i18next\.t)$/.test(node.expression.getText()) && node.arguments[0]) {
      const argument = node.arguments[0];
      const where = `${relative(RENDERER, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument))
        keys.push({ key: argument.text, prefix: false, where });
      else if (ts.isTemplateExpression(argument)) keys.push({ key: argument.head.text, prefix: true, where });
      else keys.push({ key: argument.getText(), prefix: false, where });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

describe('UI strings', () => {
  const enKeys = leafKeys(en);
  const viKeys = leafKeys(vi);

  it('Vietnamese and English have the same keys (Vietnamese has no _one plural form)', () => {
    const base = (keys: string[]) => [...new Set(keys.map((key) => key.replace(PLURAL, '')))].sort();
    expect(base(viKeys)).toEqual(base(enKeys));
    expect(viKeys.filter((key) => key.endsWith('_one'))).toEqual([]);
    // Every English plural has its Vietnamese _other form.
    const missingOther = enKeys.filter((key) => key.endsWith('_other')).filter((key) => !viKeys.includes(key));
    expect(missingOther).toEqual([]);
  });

  it('no translation is empty', () => {
    const empty = (resources: object) =>
      leafKeys(resources).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources);
        return typeof value !== 'string' || value.trim() === '';
      });
    expect(empty(en)).toEqual([]);
    expect(empty(vi)).toEqual([]);
  });

  it('every key the renderer uses exists', () => {
    const known = new Set(enKeys.flatMap((key) => [key, key.replace(PLURAL, '')]));
    const missing = sourceFiles(RENDERER)
      .flatMap(usedKeys)
      .filter(({ key, prefix }) => (prefix ? !enKeys.some((known) => known.startsWith(key)) : !known.has(key)))
      .map(({ key, where }) => `${where} ${key}`);
    expect(missing).toEqual([]);
  });

  it('no JSX text, visible attribute or toast in renderer/src is a hard-coded human-language literal', () => {
    const findings = sourceFiles(RENDERER)
      .flatMap(hardCodedText)
      .map(({ where, text }) => `${where} ${JSON.stringify(text)}`);
    expect(findings).toEqual([]);
  });

  it('the scanner finds literals in text, attributes, branches, templates and toasts', () => {
    const dir = join(__dirname, 'fixtures');
    const found = hardCodedText(join(dir, 'hard-coded.tsx')).map((finding) => finding.text);
    expect(found).toEqual(['Select text first', 'Delete', 'Close', 'Imported', 'Skipped', 'Done:', 'files']);
  });
});

describe('starting language', () => {
  it('follows ?lang=, then the saved choice, then a Vietnamese system locale; English otherwise', () => {
    expect(pickLanguage({ query: 'en', stored: 'vi', systemLocale: 'vi-VN' })).toBe('en');
    expect(pickLanguage({ query: null, stored: 'en', systemLocale: 'vi-VN' })).toBe('en');
    expect(pickLanguage({ query: 'xx', stored: null, systemLocale: 'vi-VN' })).toBe('vi');
    expect(pickLanguage({ query: null, stored: null, systemLocale: 'vi' })).toBe('vi');
    expect(pickLanguage({ query: null, stored: null, systemLocale: 'en-US' })).toBe('en');
    expect(pickLanguage({ query: null, stored: null, systemLocale: 'fr-FR' })).toBe('en');
    expect(pickLanguage({ query: null, stored: null, systemLocale: undefined })).toBe('en');
  });
});
