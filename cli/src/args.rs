//! The command line, read by hand: four commands and a handful of options do not need a
//! parser crate.

use hindsight_core::{Language, Text};

use crate::words;

/// How `check` and `items` print what they found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One line per finding or item, for people.
    Text,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), for `check`.
    Github,
    /// A JSON array, for other tools, for `check`.
    Json,
    /// A Markdown task list per owner, for `items`.
    Markdown,
    /// CSV for spreadsheets, for `items`.
    Csv,
}

impl Format {
    /// Its name on the command line.
    fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Github => "github",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
        }
    }
}

/// The formats `check` prints.
const CHECK_FORMATS: &[Format] = &[Format::Text, Format::Github, Format::Json];
/// The formats `items` prints.
const ITEMS_FORMATS: &[Format] = &[Format::Text, Format::Markdown, Format::Csv];

/// What to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Review the postmortems under `paths`.
    Check {
        /// Files and folders (the current folder when none is given).
        paths: Vec<String>,
        /// The output's form.
        format: Format,
        /// The date the checks count from, `YYYY-MM-DD`; `None` for today.
        today: Option<String>,
    },
    /// List the open action items of the postmortems under `paths`.
    Items {
        /// Files and folders (the current folder when none is given).
        paths: Vec<String>,
        /// The output's form.
        format: Format,
        /// The date overdue counts from, `YYYY-MM-DD`; `None` for today.
        today: Option<String>,
    },
    /// Build a static site of the postmortems under `paths` in `out`.
    Site {
        /// Files and folders (the current folder when none is given).
        paths: Vec<String>,
        /// The folder to write the site to.
        out: String,
        /// The date overdue counts from, `YYYY-MM-DD`; `None` for today.
        today: Option<String>,
    },
    /// Read `files` into Hindsight Markdown in `out`.
    Import {
        /// The files to read.
        files: Vec<String>,
        /// The folder to write to.
        out: String,
    },
    /// Print the help.
    Help,
    /// Print the version.
    Version,
}

impl Command {
    /// The files and folders it reads postmortems from (the current folder when none is
    /// given), for the commands that read a repository.
    pub fn repository(&self) -> Option<Vec<String>> {
        match self {
            Command::Check { paths, .. }
            | Command::Items { paths, .. }
            | Command::Site { paths, .. } => Some(if paths.is_empty() {
                vec![".".to_owned()]
            } else {
                paths.clone()
            }),
            Command::Import { .. } | Command::Help | Command::Version => None,
        }
    }
}

/// A command with the options every command takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invocation {
    /// What to do.
    pub command: Command,
    /// The language of the messages.
    pub lang: Language,
    /// The zone times written without one are read in; `None` for the system's.
    pub zone: Option<String>,
}

/// Reads the arguments after the program's name. An error is the message to print, in both
/// languages, with the language asked for so far.
pub fn parse(args: &[String]) -> Result<Invocation, (Text, Language)> {
    let mut lang = Language::En;
    // The language first, so every other error is said in it.
    let mut i = 0;
    while i < args.len() {
        let (name, inline) = split(&args[i]);
        if name == "--" {
            break;
        }
        if name == "--lang" {
            let value = inline.or_else(|| args.get(i + 1).map(String::as_str));
            if let Some(l) = value.and_then(language) {
                lang = l;
            }
        }
        i += 1;
    }
    let fail = |t: Text| (t, lang);
    let mut command: Option<&str> = None;
    let mut positional = Vec::new();
    let mut format: Option<(String, Format)> = None;
    let mut today = None;
    let mut out = None;
    let mut zone = None;
    let mut help = false;
    let mut version = false;
    let mut only_paths = false;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if only_paths || !arg.starts_with('-') || arg == "-" {
            if command.is_none() && !only_paths {
                command = Some(arg.as_str());
            } else {
                positional.push(arg.clone());
            }
            continue;
        }
        let (name, inline) = split(arg);
        let mut value = |name: &str| -> Result<String, (Text, Language)> {
            if let Some(v) = inline {
                return Ok(v.to_owned());
            }
            let v = args
                .get(i)
                .cloned()
                .ok_or_else(|| fail(Text::new(words::MISSING_VALUE, &[name])))?;
            i += 1;
            Ok(v)
        };
        match name {
            "--" => only_paths = true,
            "-h" | "--help" => help = true,
            "-V" | "--version" => version = true,
            "--format" => {
                let v = value(name)?;
                let all = [CHECK_FORMATS, ITEMS_FORMATS].concat();
                match all.into_iter().find(|f| f.name() == v) {
                    Some(f) => format = Some((v, f)),
                    None => return Err(fail(bad_format(&v, CHECK_FORMATS))),
                }
            }
            "--lang" => {
                let v = value(name)?;
                if language(&v).is_none() {
                    return Err(fail(Text::new(words::BAD_VALUE, &[name, "en, zh-TW", &v])));
                }
            }
            "--today" => {
                let v = value(name)?;
                if hindsight_core::time::parse_date(&v).is_none() || v.len() != 10 {
                    return Err(fail(Text::new(words::BAD_TODAY, &[&v])));
                }
                today = Some(v);
            }
            "--out" => out = Some(value(name)?),
            "--zone" => zone = Some(value(name)?),
            _ => return Err(fail(Text::new(words::UNKNOWN_OPTION, &[arg]))),
        }
    }
    // A format another command prints is refused, naming the ones this command prints.
    let format_of = |formats: &[Format]| match &format {
        None => Ok(Format::Text),
        Some((_, f)) if formats.contains(f) => Ok(*f),
        Some((v, _)) => Err(fail(bad_format(v, formats))),
    };
    let command = match command {
        _ if help => Command::Help,
        _ if version => Command::Version,
        Some("help") => Command::Help,
        Some("check") => Command::Check {
            paths: positional,
            format: format_of(CHECK_FORMATS)?,
            today,
        },
        Some("items") => Command::Items {
            paths: positional,
            format: format_of(ITEMS_FORMATS)?,
            today,
        },
        Some("site") => {
            let Some(out) = out else {
                return Err(fail(words::NO_SITE_OUT.into()));
            };
            Command::Site {
                paths: positional,
                out,
                today,
            }
        }
        Some("import") => {
            if positional.is_empty() {
                return Err(fail(words::NO_FILES.into()));
            }
            let Some(out) = out else {
                return Err(fail(words::NO_OUT.into()));
            };
            Command::Import {
                files: positional,
                out,
            }
        }
        Some(other) => return Err(fail(Text::new(words::UNKNOWN_COMMAND, &[other]))),
        None => return Err(fail(words::NO_COMMAND.into())),
    };
    Ok(Invocation {
        command,
        lang,
        zone,
    })
}

/// "--format takes one of …, not “xml”", naming `formats`.
fn bad_format(value: &str, formats: &[Format]) -> Text {
    let names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
    Text::new(words::BAD_VALUE, &["--format", &names.join(", "), value])
}

/// `--name=value` as (`--name`, `value`); anything else as itself.
fn split(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once('=') {
        Some((name, value)) if name.starts_with("--") => (name, Some(value)),
        _ => (arg, None),
    }
}

fn language(value: &str) -> Option<Language> {
    match value {
        "en" => Some(Language::En),
        "zh-TW" | "zh-tw" | "zh" => Some(Language::ZhTw),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Invocation, (Text, Language)> {
        let args: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
        parse(&args)
    }

    #[test]
    fn check_takes_paths_and_options_in_any_order() {
        let inv =
            parse_str("check a --format github b --today=2026-12-07 --lang zh-TW").expect("parses");
        assert_eq!(
            inv.command,
            Command::Check {
                paths: vec!["a".into(), "b".into()],
                format: Format::Github,
                today: Some("2026-12-07".into()),
            }
        );
        assert_eq!(inv.lang, Language::ZhTw);
        let inv = parse_str("check -- --odd-name").expect("parses");
        assert_eq!(
            inv.command,
            Command::Check {
                paths: vec!["--odd-name".into()],
                format: Format::Text,
                today: None,
            }
        );
    }

    #[test]
    fn mistakes_are_usage_errors_said_in_the_language_asked_for() {
        let (e, lang) = parse_str("check --format xml --lang zh-TW").expect_err("refused");
        assert_eq!(lang, Language::ZhTw);
        assert!(e.zh.contains("xml"), "{}", e.zh);
        assert!(parse_str("check --today 2026-13-01").is_err());
        assert!(parse_str("check --today").is_err());
        assert!(parse_str("check --color").is_err());
        assert!(parse_str("frobnicate").is_err());
        assert!(parse_str("").is_err());
        assert!(parse_str("import a.md").is_err(), "no --out");
        assert!(parse_str("import --out x").is_err(), "no file");
        assert!(parse_str("site postmortems").is_err(), "no --out");
        let (e, _) = parse_str("items --format github").expect_err("refused");
        assert!(e.en.contains("text, markdown, csv"), "{}", e.en);
        assert!(parse_str("check --format csv").is_err());
    }

    #[test]
    fn items_and_site_take_paths_a_format_and_a_folder() {
        let inv = parse_str("items postmortems --format csv --today 2026-12-07").expect("parses");
        assert_eq!(
            inv.command,
            Command::Items {
                paths: vec!["postmortems".into()],
                format: Format::Csv,
                today: Some("2026-12-07".into()),
            }
        );
        let inv = parse_str("site postmortems --out public --lang zh-TW").expect("parses");
        assert_eq!(
            inv.command,
            Command::Site {
                paths: vec!["postmortems".into()],
                out: "public".into(),
                today: None,
            }
        );
        assert_eq!(inv.lang, Language::ZhTw);
    }

    #[test]
    fn import_takes_files_and_a_folder() {
        let inv = parse_str("import a.md b.md --out dir --zone Asia/Taipei").expect("parses");
        assert_eq!(
            inv.command,
            Command::Import {
                files: vec!["a.md".into(), "b.md".into()],
                out: "dir".into()
            }
        );
        assert_eq!(inv.zone.as_deref(), Some("Asia/Taipei"));
        assert_eq!(parse_str("--help").map(|i| i.command), Ok(Command::Help));
        assert_eq!(
            parse_str("check -V").map(|i| i.command),
            Ok(Command::Version)
        );
    }
}
