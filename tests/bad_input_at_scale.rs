//! Bad input at scale: a folder of 10,000 files, some unreadable, binary, invalid UTF-8,
//! empty or huge. Every good file is checked, every bad one is named in an error, the exit
//! status is 2, and no file is touched.

use std::collections::BTreeSet;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Command;

const FILES: usize = 10_000;

fn article(i: usize) -> String {
    // our own one-paragraph articles, varied so that they do not all agree
    format!(
        "Norrvik Freight reported third-quarter revenue of ${}.{} billion, up {}% from a year \
earlier, according to its quarterly filing.\n",
        1 + i % 7,
        i % 10,
        3 + i % 11
    )
}

#[test]
fn ten_thousand_files_with_bad_ones_among_them() {
    let dir = std::env::temp_dir().join(format!("claimcheck-scale-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();

    let mut bad: BTreeSet<String> = BTreeSet::new();
    let mut good: BTreeSet<String> = BTreeSet::new();
    let mut written: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut put = |name: String, bytes: Vec<u8>, is_bad: bool| {
        let p = dir.join(&name);
        std::fs::write(&p, &bytes).unwrap();
        if is_bad {
            bad.insert(name);
        } else {
            good.insert(name);
        }
        written.push((p, bytes));
    };
    let mut n = 0;
    for i in 0..FILES - 40 {
        let name = format!("a{i:05}.txt");
        match i % 1000 {
            // invalid UTF-8 in the middle of an article
            1 => {
                let mut b = article(i).into_bytes();
                b.splice(20..20, [0xff, 0xfe, 0x80]);
                put(name, b, true);
            }
            // binary: NUL bytes (valid UTF-8, still not text)
            2 => put(name, vec![0u8, 1, 2, 3, 0, 0, 7, 0, 9, 0], true),
            // empty: a clean, empty result
            3 => put(name, Vec::new(), false),
            // a long line with no newline (1 MB)
            4 => put(name, article(i).trim_end().repeat(7000).into_bytes(), false),
            _ => put(name, article(i).into_bytes(), false),
        }
        n += 1;
    }
    // unreadable: dangling symlinks and named pipes that would block a naive reader
    for i in 0..20 {
        let name = format!("z-dangling-{i:02}.txt");
        symlink(dir.join("does-not-exist"), dir.join(&name)).unwrap();
        bad.insert(name);
        n += 1;
    }
    for i in 0..20 {
        let name = format!("z-fifo-{i:02}.md");
        let ok = Command::new("mkfifo")
            .arg(dir.join(&name))
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            bad.insert(name);
        } else {
            // no mkfifo here: an invalid UTF-8 file in its place keeps the count
            let p = dir.join(&name);
            std::fs::write(&p, [b'a', 0xc3, 0x28]).unwrap();
            bad.insert(name);
        }
        n += 1;
    }
    // a symlink back to the folder itself must not make the walk go round forever
    symlink(&dir, dir.join("loop")).unwrap();
    assert_eq!(n, FILES);

    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(&dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");

    let name_of = |p: &str| {
        Path::new(p)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let checked: BTreeSet<String> = v["summary"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| name_of(a["path"].as_str().unwrap()))
        .collect();
    assert_eq!(checked, good, "every good file is checked, and only those");
    let named: BTreeSet<String> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| name_of(e["path"].as_str().expect("an error names its file")))
        .collect();
    assert_eq!(named, bad, "every bad file is named in an error");
    assert_eq!(v["errors"].as_array().unwrap().len(), bad.len());
    // the good articles' figures were read
    let figures = v["summary"]["figures"].as_u64().unwrap();
    assert!(
        figures as usize >= 2 * (good.len() - 10),
        "{figures} figures"
    );
    // nothing lost or rewritten
    for (p, bytes) in &written {
        assert_eq!(
            &std::fs::read(p).unwrap(),
            bytes,
            "{} unchanged",
            p.display()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
