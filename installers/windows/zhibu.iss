; Zhibu Desk (支部工作台) - the Windows installer, an Inno Setup 6.3+ script.
;
; Built by installers\windows\build.ps1, which passes the version read from pyproject.toml:
;     iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0 installers\windows\zhibu.iss
; Input:  the PyInstaller one-folder build dist\ZhibuDesk\ (installers\pyinstaller\zhibu.spec).
; Output: dist\ZhibuDesk-Setup-<version>.exe
; Optional overrides: /DDistDir=<folder with ZhibuDesk.exe>, /DAppPublisher=<name>, /O<output folder>.
;
; What the setup does (details in installers\windows\README.md):
; - per-user install without administrator rights into %LOCALAPPDATA%\Programs\ZhibuDesk;
; - Start-menu shortcuts (program and uninstall), a desktop shortcut (a task, ticked by default),
;   starts the program at the end;
; - closes a running Zhibu Desk first (Restart Manager; AppMutex once the program creates it);
; - never touches the branch data in %LOCALAPPDATA%\ZhibuDesk (database, its backups, the
;   preferences ui.ini); uninstall asks whether to delete it, default No, and a silent uninstall
;   never deletes it.
;
; Paths are relative to this script's folder (Inno's SourceDir).

#if PREPROCVER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is required (x64compatible). Download it from https://jrsoftware.org/isdl.php
#endif

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z zhibu.iss - build.ps1 reads it from pyproject.toml
#endif

#define AppName "支部工作台"
#define AppExeName "ZhibuDesk.exe"
#ifndef AppPublisher
  #define AppPublisher "支部工作台开发组"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\ZhibuDesk"
#endif
; The folder of the branch data under %LOCALAPPDATA%: core/db.py APP_DIR_NAME (platformdirs
; user_data_dir("ZhibuDesk", appauthor=False)). The test tests/installers checks they agree.
#define DataDirName "ZhibuDesk"
; Held by the running program (see installers\windows\README.md); Setup and Uninstall wait for it.
#define AppMutexName "ZhibuDeskRunning"

; The Simplified Chinese messages ship with Inno Setup 6.5 and later (Languages\); for older 6.x
; versions put ChineseSimplified.isl from https://jrsoftware.org/files/istrans/ into Inno's
; Languages folder or next to this script (see README.md).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessagesFile "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseMessagesFile "ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found: install Inno Setup 6.5+, or put the file from https://jrsoftware.org/files/istrans/ into Inno Setup's Languages folder or next to zhibu.iss
#endif

[Setup]
; A fixed id: every version upgrades the same installation. Never change it.
AppId={{6099C16E-224D-4A01-87A8-56CEEB612AC9}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
#ifdef AppVersionNumeric
VersionInfoVersion={#AppVersionNumeric}
#endif
VersionInfoProductName={#AppName}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExeName}
SetupIconFile=..\..\resources\icons\zhibu.ico
WizardStyle=modern

; Per user, no administrator: {autopf} is %LOCALAPPDATA%\Programs with these privileges.
PrivilegesRequired=lowest
DefaultDirName={autopf}\ZhibuDesk
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0

; Close a running Zhibu Desk before its files are replaced.
CloseApplications=yes
CloseApplicationsFilter=*.exe,*.dll,*.pyd
RestartApplications=no
AppMutex={#AppMutexName},Global\{#AppMutexName}

OutputDir=..\..\dist
OutputBaseFilename=ZhibuDesk-Setup-{#AppVersion}
Compression=lzma2/ultra64
SolidCompression=yes
ShowLanguageDialog=auto
SetupLogging=yes
#ifdef SignTool
; Optional code signing: build.ps1 -SignTool "<command with $f>" passes /S<name>=<command> and
; /DSignTool=<name>; the setup, its uninstaller and the program's .exe files are then signed.
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
; The first entry is the default when Windows' language matches neither.
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessagesFile}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DeleteDataQuestion=是否同时删除本机的支部数据（花名册、学习记录、结对走访、自动备份和程序设置）？%n%n数据文件夹：%1%n%n删除后无法恢复。如果以后还要用这些数据，或者还没有把这个文件夹复制到U盘等其他地方，请选择“否”：数据会保留下来，重新安装后可以接着使用。
chinesesimplified.DeleteDataConfirm=请再确认一次：将永久删除下面这个文件夹里的全部支部数据和备份，删除后无法恢复。%n%n%1%n%n确定要删除吗？
chinesesimplified.DeleteDataFailed=有些数据文件没能删除（可能正被其他程序使用）。请稍后手动删除这个文件夹：%n%n%1
chinesesimplified.AppStillRunning=支部工作台还在运行。%n%n请先保存正在填写的内容并关闭支部工作台，然后点击“重试”。
english.DeleteDataQuestion=Also delete this computer's branch data (roster, study records, pairing visits, automatic backups and settings)?%n%nData folder: %1%n%nThis cannot be undone. Choose No if you may need the data again or have not yet copied this folder to a USB stick or elsewhere: the data is kept and a new installation uses it again.
english.DeleteDataConfirm=Please confirm once more: all branch data and backups in this folder will be deleted permanently.%n%n%1%n%nDelete them?
english.DeleteDataFailed=Some data files could not be deleted (another program may be using them). Please delete this folder yourself later:%n%n%1
english.AppStillRunning=Zhibu Desk is still running.%n%nPlease save what you are typing, close Zhibu Desk and click Retry.

[Tasks]
; Ticked by default (no "unchecked" flag): most users start the program from the desktop.
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole PyInstaller runtime folder, so no file of an older version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
#ifdef SignTool
; ZhibuDesk.exe and ZhibuDesk-cli.exe are signed before they are packed.
Source: "{#DistDir}\*.exe"; DestDir: "{app}"; Flags: ignoreversion signonce
Source: "{#DistDir}\*"; Excludes: "\*.exe"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#else
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#endif

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// A [CustomMessages] text in the setup's language with %n as line breaks and %1 replaced by Arg
// (CustomMessage returns the raw text: only the cm: constant expands %n).
function Msg(const Name, Arg: String): String;
var
  S: String;
begin
  S := CustomMessage(Name);
  StringChangeEx(S, '%n', #13#10, True);
  Result := FmtMessage(S, [Arg]);
end;

{ True while this installation's program runs for the current user. Asks WMI, so it works without
  any help from the program; when WMI cannot answer it says False and the uninstaller goes on as
  usual (files in use are then removed at the next restart). }
function IsAppRunning: Boolean;
var
  Locator, Service, Processes: Variant;
  ExePath: String;
begin
  Result := False;
  ExePath := ExpandConstant('{app}\{#AppExeName}');
  StringChangeEx(ExePath, '\', '\\', True);
  StringChangeEx(ExePath, '''', '\''', True);
  try
    Locator := CreateOleObject('WbemScripting.SWbemLocator');
    Service := Locator.ConnectServer('', 'root\CIMV2', '', '');
    Processes := Service.ExecQuery('SELECT ProcessId FROM Win32_Process WHERE ExecutablePath = ''' + ExePath + '''');
    Result := Processes.Count > 0;
  except
    Result := False;
  end;
end;

{ Uninstall starts only once Zhibu Desk is closed, so its database is not removed or locked
  half-way. A silent uninstall does not ask. }
function InitializeUninstall(): Boolean;
begin
  Result := True;
  if UninstallSilent then
    Exit;
  while IsAppRunning do
  begin
    if MsgBox(Msg('AppStillRunning', ''), mbError, MB_RETRYCANCEL) <> IDRETRY then
    begin
      Result := False;
      Exit;
    end;
  end;
end;

{ After the program files are gone: the branch data stays unless the user says Yes twice (No is
  the default button both times). A silent uninstall never deletes it. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  if UninstallSilent then
    Exit;
  DataDir := ExpandConstant('{localappdata}\{#DataDirName}');
  if not DirExists(DataDir) then
    Exit;
  if MsgBox(Msg('DeleteDataQuestion', DataDir), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) <> IDYES then
    Exit;
  if MsgBox(Msg('DeleteDataConfirm', DataDir), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) <> IDYES then
    Exit;
  if not DelTree(DataDir, True, True, True) then
    MsgBox(Msg('DeleteDataFailed', DataDir), mbError, MB_OK);
end;
