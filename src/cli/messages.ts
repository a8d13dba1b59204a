/**
 * The command line in the user's language: the help text (commander's titles and notes included), the
 * usage errors commander prints, and the messages of the CLI and the library's most common errors.
 * The locale is known before commander parses anything (`--locale` is read from argv first), because
 * the help and the usage errors are produced while parsing.
 */
import { Help, type Command } from 'commander';
import { detectLocale, t } from '../i18n.js';
import type { Locale } from '../model.js';
import { oneLinePath } from '../report/one-line.js';

/** `--locale X` or `--locale=X` in argv (the last one wins, as commander does), else the environment. */
export function localeFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  let explicit: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--locale' && i + 1 < argv.length) explicit = argv[i + 1];
    else if (arg.startsWith('--locale=')) explicit = arg.slice('--locale='.length);
  });
  return detectLocale(explicit === 'en' || explicit === 'zh-CN' ? explicit : undefined, env);
}

/** Every description of the program, in both languages. */
const TEXTS = {
  program: { en: 'Checks the figures in Chinese documents against each other.', zh: '交叉核对中文文档中的数字。' },
  check: { en: 'cross-check the figures of documents (default command)', zh: '交叉核对文档中的数字（默认命令）' },
  figures: { en: 'list every figure with its meaning', zh: '列出每个数字及其含义' },
  suggest: { en: 'write the automatically aligned metrics as a rule file (YAML)', zh: '把自动对齐的指标写成规则文件（YAML）' },
  lsp: { en: 'run the language server (stdio) for editors', zh: '为编辑器运行语言服务器（标准输入输出）' },
  stdio: { en: 'talk over standard input and output (the default)', zh: '通过标准输入输出通信（默认）' },
  paths: { en: 'files or directories (.txt .md .html .docx); - reads standard input', zh: '文件或文件夹（.txt .md .html .docx）；- 表示读取标准输入' },
  config: {
    en: 'figcheck.yaml (or figcheck.yml) to use (default: found in the working directory or its parents)',
    zh: '使用的 figcheck.yaml（或 figcheck.yml）（默认：在工作目录及其上级目录中查找）',
  },
  noConfig: { en: 'ignore any figcheck.yaml', zh: '忽略 figcheck.yaml' },
  rules: { en: 'add a rule file (repeatable)', zh: '添加规则文件（可重复）' },
  ignore: { en: 'skip files matching a glob (repeatable)', zh: '跳过匹配该通配模式的文件（可重复）' },
  stdinFilename: { en: 'file name for standard input, deciding its format', zh: '标准输入的文件名，决定其格式' },
  locale: { en: 'language of messages (default: from LANG / LC_ALL)', zh: '消息语言（默认：取自 LANG / LC_ALL）' },
  noColor: { en: 'no colours (also NO_COLOR=1; colours are only used on a terminal)', zh: '不使用颜色（也可设 NO_COLOR=1；只在终端上使用颜色）' },
  output: { en: 'write the output to a file instead of standard output', zh: '把输出写入文件而不是标准输出' },
  quiet: { en: 'no progress bar', zh: '不显示进度条' },
  checkFormat: { en: 'output format (default: stylish on a terminal, unix otherwise)', zh: '输出格式（默认：终端上为 stylish，否则为 unix）' },
  figuresFormat: { en: 'output format', zh: '输出格式' },
  maxDocumentSize: {
    en: 'skip (as an input-error) a document whose text is larger, e.g. 64MB (default: 16MB, or figcheck.yaml maxDocumentSize)',
    zh: '文本超过此大小的文档不检查，报告为 input-error，例如 64MB（默认 16MB，或 figcheck.yaml 的 maxDocumentSize）',
  },
  jobs: {
    en: 'threads reading documents: auto (a pool on all cores for runs of many documents), 1 (none) or a number',
    zh: '读取文档的线程数：auto（文档很多时在所有核心上使用线程池）、1（不用线程池）或一个数字',
  },
  cache: { en: 'reuse the figures of unchanged documents from earlier runs', zh: '重用之前运行中未改动文档的数字' },
  cacheLocation: {
    en: 'folder of the cache (default: .figcheckcache in the working directory)',
    zh: '缓存所在的文件夹（默认：工作目录中的 .figcheckcache）',
  },
  cacheStrategy: {
    en: 'how the cache knows a file is unchanged: by its size and times, or by its bytes',
    zh: '缓存如何判断文件未改动：按大小和时间，或按其字节内容',
  },
  metric: {
    en: 'only the figures a metric catches (a rule file metric id or a core indicator id)',
    zh: '只列出某个指标涵盖的数字（规则文件中的指标 id 或核心指标 id）',
  },
  reportDir: {
    en: 'write the discrepancy report (report.md, index.html) into a folder of its own, replaced as a whole',
    zh: '把差异报告（report.md、index.html）写入单独的文件夹（整体替换）',
  },
  annotate: {
    en: 'write a copy of each checked .docx with findings into this folder (<name>.figcheck.docx), one Word comment per finding',
    zh: '把每个有问题的 .docx 复制到此文件夹（<名称>.figcheck.docx），每个问题一条 Word 批注',
  },
  init: {
    en: 'write a figcheck.yaml (and a rule file of suggested metrics) for the documents in a folder',
    zh: '为文件夹中的文档生成 figcheck.yaml（及建议指标的规则文件）',
  },
  initDir: { en: 'the folder of the documents (default: the working folder)', zh: '文档所在文件夹（默认：当前工作文件夹）' },
  force: { en: 'overwrite an existing figcheck.yaml and rule file', zh: '覆盖已有的 figcheck.yaml 和规则文件' },
  failOn: { en: 'exit 1 when a finding is at or above this severity', zh: '有达到此严重程度的问题时以 1 退出' },
  maxWarnings: { en: 'exit 1 when there are more warnings than this', zh: '警告多于此数时以 1 退出' },
  baseline: { en: 'suppress the findings recorded in this baseline file', zh: '忽略此基线文件中记录的问题' },
  updateBaseline: { en: 'record the current findings in the --baseline file and exit 0', zh: '把当前问题记录到 --baseline 文件并以 0 退出' },
  version: { en: 'output the version number', zh: '显示版本号' },
  help: { en: 'display help for command', zh: '显示命令帮助' },
  helpAfterError: { en: '(figcheck --help for usage)', zh: '（用法见 figcheck --help）' },
  wholeNumber: { en: 'must be a whole number, 0 or more', zh: '必须是 0 或更大的整数' },
} satisfies Record<string, { en: string; zh: string }>;

export type TextKey = keyof typeof TEXTS;

export function text(locale: Locale, key: TextKey): string {
  return t(locale, TEXTS[key]);
}

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** Help and usage errors in the locale; call on the program before its subcommands are added. */
export function localizeCommander(program: Command, locale: Locale): void {
  program.helpOption('-h, --help', text(locale, 'help'));
  program.helpCommand('help [command]', text(locale, 'help'));
  program.showHelpAfterError(text(locale, 'helpAfterError'));
  if (locale !== 'zh-CN') return;
  const plain = new Help();
  program.configureHelp({
    styleTitle: (title) => TITLES[title] ?? title,
    optionDescription: (option) => {
      // commander's "(choices: …, default: …)" note, in Chinese.
      const english = plain.optionDescription(option);
      return english
        .replace(/\(choices: ([^)]*?)(, default: ([^)]*))?\)$/, (_, choices: string, __, fallback?: string) =>
          `（可选：${choices}${fallback ? `；默认：${fallback}` : ''}）`,
        )
        .replace(/\(default: ([^)]*)\)$/, '（默认：$1）');
    },
  });
  program.configureOutput({ outputError: (message, write) => write(translateUsageError(message)) });
}

/** commander's usage errors (its own English strings) in Chinese. */
export function translateUsageError(message: string): string {
  const rules: [RegExp, string][] = [
    [/^error: unknown option '([^']*)'/, '错误：未知选项 “$1”'],
    [/^error: unknown command '([^']*)'/, '错误：未知命令 “$1”'],
    [/^error: option '([^']*)' argument missing/, '错误：选项 “$1” 缺少参数'],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./, '错误：选项 “$1” 的参数 “$2” 无效，可选值：$3。'],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\./, '错误：选项 “$1” 的参数 “$2” 无效：'],
    [/^error: missing required argument '([^']*)'/, '错误：缺少必需参数 “$1”'],
    [/^error: too many arguments.*/, '错误：参数过多'],
    [/\(Did you mean ([^?]*)\?\)/, '（是否想输入 $1？）'],
  ];
  let out = message;
  for (const [pattern, zh] of rules) out = out.replace(pattern, zh);
  return out.replace(text('en', 'wholeNumber'), text('zh-CN', 'wholeNumber'));
}

/**
 * The library's and the CLI's most frequent messages in Chinese: the file name stays as it is, the words
 * after it are translated. A message without a translation here is shown in English.
 */
const MESSAGE_RULES: [RegExp, string][] = [
  [/: no such file or directory$/, '：没有这个文件或文件夹'],
  [/: no such file$/, '：没有这个文件'],
  [/: no such config file$/, '：没有这个配置文件'],
  [/: is a directory, not a file$/, '：是文件夹，不是文件'],
  [/: permission denied$/, '：没有权限'],
  [/: skipped, unsupported file type$/, '：已跳过，不支持的文件类型'],
  [/: skipped, empty file$/, '：已跳过，空文件'],
  [/: no documents found \(([^)]*)\), after ignore patterns$/, '：没有找到文档（$1），已应用忽略规则'],
  [/^no input: give files or directories to check, or a figcheck\.yaml listing documents/, '没有输入：请给出要检查的文件或文件夹，或用 figcheck.yaml 列出文档'],
  [/ \(found ([^:]*): the config is read from ([^)]*)\)$/, '（找到了 $1：配置文件的名字应为 $2）'],
  [/: cannot write \(([^)]*)\)$/, '：无法写入（$1）'],
  [/: is not a figcheck baseline; refusing to replace it \(give a new file name, e\.g\. ([^)]*)\)$/, '：不是 figcheck 基线文件，不会替换它（请换一个新文件名，如 $1）'],
  [/^unknown --format "([^"]*)" \(one of: ([^)]*)\)$/, '未知的 --format “$1”（可选：$2）'],
  [/^--update-baseline needs --baseline FILE$/, '--update-baseline 需要 --baseline 文件'],
];

export function translateMessage(message: string, locale: Locale): string {
  if (locale !== 'zh-CN') return message;
  let out = message;
  for (const [pattern, zh] of MESSAGE_RULES) out = out.replace(pattern, zh);
  return out;
}

/** `figcheck: warning: …` / `figcheck: 警告：…`, one line whatever the file names in it hold. */
export function warningLine(message: string, locale: Locale): string {
  const line = oneLinePath(message);
  return t(locale, { en: `figcheck: warning: ${line}\n`, zh: `figcheck：警告：${translateMessage(line, locale)}\n` });
}

/** `figcheck: …` for an error. */
export function errorLine(message: string, locale: Locale): string {
  const line = message.split('\n').map(oneLinePath).join('\n');
  return t(locale, { en: `figcheck: ${line}\n`, zh: `figcheck：${translateMessage(line, locale)}\n` });
}
