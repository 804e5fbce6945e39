"""The Windows installer recipe (installers/windows), checked without Windows.

Inno Setup cannot run here, so ``zhibu.iss`` is parsed: every file it names must exist (the
PyInstaller output ``dist\\ZhibuDesk`` must be what ``installers/pyinstaller/zhibu.spec`` builds),
and the decisions that matter to users are pinned: per-user install without administrator rights,
Chinese first, the shortcuts, the launch at the end, and an uninstall that keeps the branch data
unless the user says Yes (never when silent), in the folder where ``core/db.py`` keeps it.
``build.ps1`` must build from the same spec, compile the same script and take the version from
``pyproject.toml``. Where ``iscc`` is on PATH (a Windows build machine) the script is also compiled.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

import pytest

from core import db as core_db
from core.backup import backup_dir

ROOT = Path(__file__).resolve().parents[2]
WINDOWS_DIR = ROOT / "installers" / "windows"
ISS = WINDOWS_DIR / "zhibu.iss"
BUILD_PS1 = WINDOWS_DIR / "build.ps1"
BUILD_CMD = WINDOWS_DIR / "build.cmd"
README = WINDOWS_DIR / "README.md"
SPEC = ROOT / "installers" / "pyinstaller" / "zhibu.spec"
PYPROJECT = ROOT / "pyproject.toml"
TRANSLATIONS_SH = ROOT / "scripts" / "build_translations.sh"

# [Setup] directives that name a file the compiler reads (relative to the script's folder).
FILE_DIRECTIVES = {
    "setupiconfile", "licensefile", "infobeforefile", "infoafterfile", "wizardimagefile",
    "wizardsmallimagefile", "wizardimagefiledynamicdark", "wizardsmallimagefiledynamicdark",
}
ENTRY_SECTIONS = {"languages", "tasks", "files", "icons", "run", "uninstallrun", "installdelete",
                  "uninstalldelete", "dirs", "registry", "ini", "types", "components"}


@dataclass
class Script:
    defines: dict[str, str] = field(default_factory=dict)
    setup: dict[str, str] = field(default_factory=dict)  # lower-case directive → value
    entries: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # section → parameters
    messages: dict[str, str] = field(default_factory=dict)  # "lang.Name" → text
    code: str = ""
    text: str = ""

    def expand(self, value: str) -> str:
        """Replace ``{#Name}`` by its ``#define`` (names given on the command line stay as they are)."""
        return re.sub(r"\{#(\w+)\}", lambda m: self.defines.get(m.group(1), m.group(0)), value)

    def path(self, value: str) -> Path:
        """A path of the script (Windows separators, relative to its folder) on this machine."""
        return Path(os.path.normpath(WINDOWS_DIR / PureWindowsPath(self.expand(value)).as_posix()))


def split_params(line: str) -> dict[str, str]:
    """``Name: "a;b"; Flags: x y`` → {"name": "a;b", "flags": "x y"} (quotes may hold semicolons)."""
    params: dict[str, str] = {}
    for match in re.finditer(r'\s*(\w+)\s*:\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        value = match.group(2).strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1].replace('""', '"')
        params[match.group(1).lower()] = value
    return params


def parse_iss(path: Path = ISS) -> Script:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    script = Script(text=text)
    for match in re.finditer(r'^\s*#define\s+(\w+)\s+"([^"]*)"\s*$', text, re.MULTILINE):
        script.defines.setdefault(match.group(1), match.group(2))  # the first (#if) branch wins
    section = ""
    code: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        header = re.fullmatch(r"\[(\w+)\]", stripped)
        if header:
            section = header.group(1).lower()
            continue
        if section == "code":
            code.append(line)
            continue
        if not stripped or stripped.startswith((";", "#")):
            continue
        if section == "setup":
            key, _, value = stripped.partition("=")
            script.setup[key.strip().lower()] = script.expand(value.strip())
        elif section == "custommessages":
            key, _, value = stripped.partition("=")
            script.messages[key.strip()] = script.expand(value)
        elif section in ENTRY_SECTIONS:
            params = {k: script.expand(v) for k, v in split_params(stripped).items()}
            script.entries.setdefault(section, []).append(params)
    script.code = script.expand("\n".join(code))
    return script


@pytest.fixture(scope="module")
def iss() -> Script:
    return parse_iss()


@pytest.fixture(scope="module")
def build_ps1() -> str:
    return BUILD_PS1.read_text(encoding="ascii")  # ASCII: PowerShell 5.1 reads BOM-less files as ANSI


def ps1_paths(text: str) -> dict[str, str]:
    """``$Name = "relative\\path"`` assignments of build.ps1."""
    return dict(re.findall(r'^\$(\w+)\s*=\s*"([^"$]+)"\s*$', text, re.MULTILINE))


def spec_names() -> tuple[str, list[str]]:
    """(COLLECT's output folder, the names of the EXEs) of the PyInstaller spec, read from its AST."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value.value
        for node in tree.body if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets if isinstance(target, ast.Name)
    }

    def value(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return constants.get(node.id)
        if isinstance(node, ast.JoinedStr):
            parts = [value(v.value) if isinstance(v, ast.FormattedValue) else value(v) for v in node.values]
            return None if None in parts else "".join(p for p in parts if p is not None)
        return None

    collect: list[str] = []
    exes: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("COLLECT", "EXE"):
            for keyword in node.keywords:
                if keyword.arg == "name" and (name := value(keyword.value)):
                    (collect if node.func.id == "COLLECT" else exes).append(name)
    assert len(collect) == 1, f"zhibu.spec should have one COLLECT(name=...), found {collect}"
    return collect[0], exes


# -- files the script references ---------------------------------------------------------------------


def test_script_is_utf8_with_bom() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "zhibu.iss holds Chinese text: keep it UTF-8 with a BOM"
    raw.decode("utf-8-sig")


def test_every_file_the_setup_directives_name_exists(iss: Script) -> None:
    assert "sourcedir" not in iss.setup, "paths are relative to the script's folder; update the test"
    named = {key: value for key, value in iss.setup.items() if key in FILE_DIRECTIVES}
    assert "setupiconfile" in named
    for key, value in named.items():
        assert iss.path(value).is_file(), f"{key}={value} does not exist ({iss.path(value)})"


def test_the_setup_icon_is_the_program_icon(iss: Script) -> None:
    icon = iss.path(iss.setup["setupiconfile"])
    assert icon == ROOT / "resources" / "icons" / "zhibu.ico"
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00", "not a Windows .ico file"
    assert "zhibu.ico" in SPEC.read_text(encoding="utf-8"), "the program should carry the same icon"


def test_every_source_exists_or_is_the_pyinstaller_output(iss: Script) -> None:
    dist_folder, _ = spec_names()
    produced = ROOT / "dist" / dist_folder
    sources = [entry["source"] for entry in iss.entries.get("files", [])]
    assert sources, "no [Files] entries"
    for source in sources:
        path = iss.path(source)
        if path == produced or produced in path.parents:
            continue  # made by PyInstaller from zhibu.spec (checked below), not in the repository
        assert list(path.parent.glob(path.name)), f"Source: {source} matches no file ({path})"
    assert any(iss.path(s) == produced / "*" for s in sources), f"the whole {produced} folder must be packed"
    recursive = [e for e in iss.entries["files"] if iss.path(e["source"]) == produced / "*"]
    assert all({"recursesubdirs", "createallsubdirs"} <= set(e["flags"].split()) for e in recursive)
    assert all(e["destdir"] == "{app}" for e in iss.entries["files"])


def test_the_spec_builds_the_folder_and_program_the_installer_expects(iss: Script) -> None:
    dist_folder, exes = spec_names()
    assert dist_folder == "ZhibuDesk"
    assert iss.path(iss.defines["DistDir"]) == ROOT / "dist" / dist_folder
    exe = iss.defines["AppExeName"]
    assert exe.endswith(".exe") and exe.removesuffix(".exe") in exes, f"{exe} is not one of the spec's EXEs {exes}"


def test_languages_chinese_first_then_english(iss: Script) -> None:
    languages = iss.entries["languages"]
    assert [lang["name"] for lang in languages] == ["chinesesimplified", "english"]
    assert languages[0]["messagesfile"] == r"compiler:Languages\ChineseSimplified.isl"
    assert languages[1]["messagesfile"] == "compiler:Default.isl"
    # Inno Setup before 6.5 lacks the file: a copy next to the script is used, else a clear error.
    assert '#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")' in iss.text
    assert re.search(r"^\s*#error ChineseSimplified\.isl", iss.text, re.MULTILINE)
    assert "https://jrsoftware.org/files/istrans/" in README.read_text(encoding="utf-8")


# -- what the setup does -----------------------------------------------------------------------------


def test_per_user_install_without_administrator(iss: Script) -> None:
    setup = iss.setup
    assert setup["privilegesrequired"] == "lowest"
    assert "privilegesrequiredoverridesallowed" not in setup, "no all-users/admin choice for these users"
    assert setup["defaultdirname"] in (r"{autopf}\ZhibuDesk", r"{userpf}\ZhibuDesk", r"{localappdata}\Programs\ZhibuDesk")
    assert setup["architecturesallowed"] == "x64compatible"
    assert setup["architecturesinstallin64bitmode"] == "x64compatible"
    assert setup["minversion"] == "10.0"


def test_identity_version_and_output(iss: Script) -> None:
    setup = iss.setup
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["appid"])
    assert setup["appname"] == "支部工作台"
    assert setup["appversion"] == "{#AppVersion}", "the version comes from the command line (pyproject.toml)"
    assert "#ifndef AppVersion" in iss.text and "#error Pass the version" in iss.text
    assert setup["outputbasefilename"] == "ZhibuDesk-Setup-{#AppVersion}"
    assert iss.path(setup["outputdir"]) == ROOT / "dist"
    assert setup["apppublisher"] == "支部工作台开发组"
    assert setup["uninstalldisplayicon"] == "{app}\\" + iss.defines["AppExeName"]
    assert setup["wizardstyle"] == "modern"
    assert setup["compression"] == "lzma2/ultra64"


def test_start_menu_uninstall_and_desktop_shortcuts(iss: Script) -> None:
    exe = "{app}\\" + iss.defines["AppExeName"]
    icons = iss.entries["icons"]
    start_menu = [i for i in icons if i["name"].startswith("{group}\\") and i["filename"] == exe]
    assert start_menu and "tasks" not in start_menu[0], "the Start-menu shortcut is always made"
    assert any(i["name"].startswith("{group}\\") and i["filename"] == "{uninstallexe}" for i in icons)
    desktop = [i for i in icons if i["name"].startswith("{autodesktop}\\")]
    assert len(desktop) == 1 and desktop[0]["filename"] == exe
    task = desktop[0]["tasks"]
    tasks = {t["name"]: t for t in iss.entries["tasks"]}
    assert task in tasks, f"the desktop shortcut's task {task} is not in [Tasks]"
    assert "unchecked" not in tasks[task].get("flags", "").split(), "the desktop shortcut is ticked by default"


def test_program_starts_after_install(iss: Script) -> None:
    runs = iss.entries["run"]
    assert len(runs) == 1 and runs[0]["filename"] == "{app}\\" + iss.defines["AppExeName"]
    assert {"postinstall", "skipifsilent", "nowait"} <= set(runs[0]["flags"].split())


def test_running_program_is_closed_first(iss: Script) -> None:
    assert iss.setup["closeapplications"] == "yes"
    assert iss.setup["restartapplications"] == "no"
    mutex = iss.defines["AppMutexName"]
    assert iss.setup["appmutex"] == f"{mutex},Global\\{mutex}"
    from ui.app import RUNNING_MUTEX_NAMES  # the mutexes the running program holds

    assert (mutex, f"Global\\{mutex}") == RUNNING_MUTEX_NAMES
    assert "function InitializeUninstall(): Boolean;" in iss.code and "IsAppRunning" in iss.code


def test_upgrade_never_deletes_outside_the_program_folder(iss: Script) -> None:
    for section in ("installdelete", "uninstalldelete"):
        for entry in iss.entries.get(section, []):
            assert entry["name"].startswith("{app}\\"), f"[{section}] {entry['name']} is outside {{app}}"


# -- uninstall and the branch data -------------------------------------------------------------------


def _procedure(code: str, header: str) -> str:
    start = code.index(header)
    end = code.find("\nend;", start)
    return code[start:end]


def test_data_folder_is_the_one_core_uses(iss: Script, monkeypatch: pytest.MonkeyPatch) -> None:
    assert iss.defines["DataDirName"] == core_db.APP_DIR_NAME
    monkeypatch.delenv("ZHIBU_DB", raising=False)
    data = core_db.data_dir()
    assert data.name == core_db.APP_DIR_NAME
    assert core_db.default_db_path().parent == data
    assert backup_dir(core_db.default_db_path()).parent == data, "backups live in the same folder"
    ui_app = pytest.importorskip("ui.app")
    assert ui_app.user_prefs_path().parent == data, "the preferences live in the same folder"
    # The program folder and the data folder differ, so removing the program never touches the data.
    assert iss.setup["defaultdirname"].rstrip("\\").lower() != r"{localappdata}\zhibudesk"


def test_uninstall_keeps_the_data_unless_asked_twice(iss: Script) -> None:
    body = _procedure(iss.code, "procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);")
    assert "usPostUninstall" in body
    assert f"ExpandConstant('{{localappdata}}\\{core_db.APP_DIR_NAME}')" in body
    assert "if UninstallSilent then\n    Exit;" in body, "a silent uninstall must never delete the data"
    silent = body.index("if UninstallSilent then")
    questions = [m.start() for m in re.finditer(r"MsgBox\(Msg\('DeleteData(Question|Confirm)', DataDir\)", body)]
    assert "DelTree(DataDir, True, True, True)" in body
    delete = body.index("DelTree(DataDir, True, True, True)")
    assert body.count("DelTree(") == 1
    assert len(questions) == 2 and silent < questions[0] < questions[1] < delete
    for start in questions:
        call = body[start:body.index("\n", start)]
        assert "MB_YESNO or MB_DEFBUTTON2" in call and call.rstrip().endswith("<> IDYES then"), call
    # Every other way out of the procedure keeps the data.
    assert body[delete:].count("Exit") == 0


def test_uninstall_question_is_in_chinese_and_english(iss: Script) -> None:
    question = iss.messages["chinesesimplified.DeleteDataQuestion"]
    for words in ("是否同时删除本机的支部数据", "花名册", "学习记录", "删除后无法恢复", "%1", "“否”"):
        assert words in question
    assert "删除" in iss.messages["chinesesimplified.DeleteDataConfirm"]
    for name in ("DeleteDataQuestion", "DeleteDataConfirm", "DeleteDataFailed", "AppStillRunning"):
        assert f"chinesesimplified.{name}" in iss.messages and f"english.{name}" in iss.messages
        assert f"Msg('{name}', " in iss.code


# -- build.ps1 ---------------------------------------------------------------------------------------


def test_build_script_uses_the_same_spec_script_and_version(iss: Script, build_ps1: str) -> None:
    paths = ps1_paths(build_ps1)
    assert PureWindowsPath(paths["SpecFile"]).as_posix() == SPEC.relative_to(ROOT).as_posix()
    assert PureWindowsPath(paths["IssFile"]).as_posix() == ISS.relative_to(ROOT).as_posix()
    for name in ("SpecFile", "IssFile", "PyProject", "IconFile", "TsDir"):
        assert (ROOT / PureWindowsPath(paths[name]).as_posix()).exists(), f"build.ps1 ${name} = {paths[name]} is missing"
    assert (ROOT / PureWindowsPath(paths["IconFile"]).as_posix()) == iss.path(iss.setup["setupiconfile"])
    dist_folder, _ = spec_names()
    assert PureWindowsPath(paths["AppExe"]) == PureWindowsPath("dist", dist_folder, iss.defines["AppExeName"])
    assert PureWindowsPath(paths["DistApp"]) == PureWindowsPath("dist", dist_folder)
    # The version: pyproject.toml [project] version, handed to ISCC.
    assert "tomllib.load(open('pyproject.toml', 'rb'))['project']['version']" in build_ps1
    assert '"/DAppVersion=$version"' in build_ps1
    assert re.search(r'"-m", "PyInstaller",.*\$SpecFile\)', build_ps1, re.DOTALL)
    assert '"install", "--disable-pip-version-check", ".[build]"' in build_ps1
    # It looks for the setup where the script writes it.
    expected = PureWindowsPath("dist", iss.setup["outputbasefilename"].replace("{#AppVersion}", "$version") + ".exe")
    assert f'Join-Path $Root "{expected}"' in build_ps1


def test_build_script_compiles_translations_like_the_linux_script(build_ps1: str) -> None:
    paths = ps1_paths(build_ps1)
    linux = TRANSLATIONS_SH.read_text(encoding="utf-8")
    qm = re.search(r"-qm\s+(\S+)", linux)
    ts = re.search(r"parts=\((\S+)/\*\.ts\)", linux)
    assert qm and ts
    assert PureWindowsPath(paths["QmFile"]).as_posix() == qm.group(1)
    assert PureWindowsPath(paths["TsDir"]).as_posix() == ts.group(1)
    assert "pyside6-lrelease.exe" in build_ps1


def test_pyproject_has_the_build_extra_and_a_version() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert re.fullmatch(r"\d+(\.\d+)*[A-Za-z0-9.+-]*", project["version"])
    build = project.get("optional-dependencies", {}).get("build", [])
    assert any(re.match(r"pyinstaller\b", dep, re.IGNORECASE) for dep in build), (
        "build.ps1 runs pip install .[build]: pyproject.toml needs a 'build' extra with pyinstaller"
    )


def test_build_cmd_runs_build_ps1() -> None:
    raw = BUILD_CMD.read_bytes()
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n"), "a .cmd file needs CRLF line ends"
    text = raw.decode("ascii")
    assert '-File "%~dp0build.ps1" %*' in text and "exit /b %RC%" in text


# -- compiling, where Inno Setup is installed --------------------------------------------------------


def test_compiles_with_iscc(tmp_path: Path) -> None:
    iscc = shutil.which("iscc") or shutil.which("ISCC.exe")
    if iscc is None:
        pytest.skip("Inno Setup's iscc is not installed here (it is on the Windows build machine)")
    dist = tmp_path / "ZhibuDesk"
    (dist / "_internal").mkdir(parents=True)
    (dist / "ZhibuDesk.exe").write_bytes(b"MZ placeholder")
    (dist / "_internal" / "base_library.zip").write_bytes(b"placeholder")
    out = tmp_path / "out"
    result = subprocess.run(
        [iscc, "/Q", "/DAppVersion=0.0.1", f"/DDistDir={dist}", f"/O{out}", str(ISS)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "ZhibuDesk-Setup-0.0.1.exe").is_file()
