<#
.SYNOPSIS
    Build the Zhibu Desk Windows installer end to end.

.DESCRIPTION
    On a Windows 10/11 x64 build machine with Python 3.11 x64 and Inno Setup 6.3+ (see README.md):
      1. checks the tools (Python 3.11 x64, ISCC.exe 6.3+, the Chinese language file, the spec);
      2. creates or reuses the build venv (build\venv-windows) and installs ".[build]";
      3. compiles the translations resources\i18n\zh_CN\*.ts -> resources\i18n\zhibu_zh_CN.qm
         (the same as scripts/build_translations.sh);
      4. runs PyInstaller on installers\pyinstaller\zhibu.spec -> dist\ZhibuDesk\ZhibuDesk.exe
         (and ZhibuDesk-cli.exe, the console program for the sub-commands);
      5. smoke test: ZhibuDesk-cli.exe fills a temporary demo database and ZhibuDesk.exe opens it
         and saves a screenshot;
      6. runs ISCC /DAppVersion=<version> installers\windows\zhibu.iss with the version read from
         pyproject.toml ([project] version, the single source; read in step 1);
      7. prints the setup file's path, size and SHA-256.
    Output: dist\ZhibuDesk-Setup-<version>.exe

    This file is ASCII on purpose: Windows PowerShell 5.1 reads a script without a BOM in the
    system code page.

.PARAMETER Python
    The Python 3.11 x64 interpreter that creates the venv. Default: "py -3.11-64", then "python".

.PARAMETER Iscc
    Path of ISCC.exe. Default: PATH, then the Inno Setup 6 uninstall registry entries and the
    usual install folders.

.PARAMETER Venv
    The build venv folder. Default: build\venv-windows in the repository (reused when present).

.PARAMETER SkipSmokeTest
    Do not start the built ZhibuDesk.exe before packaging.

.PARAMETER SignTool
    Optional code signing: a sign command in Inno Setup's form, with $f for the file, e.g.
    'signtool.exe sign /a /fd sha256 /tr http://timestamp.digicert.com /td sha256 $f'.
    Signs ZhibuDesk.exe, ZhibuDesk-cli.exe, the setup and its uninstaller.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [string]$Venv = "",
    [switch]$SkipSmokeTest,
    [string]$SignTool = ""
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

# Paths relative to the repository root (the tests in tests/installers check they exist).
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$SpecFile = "installers\pyinstaller\zhibu.spec"
$IssFile = "installers\windows\zhibu.iss"
$DistApp = "dist\ZhibuDesk"
$AppExe = "dist\ZhibuDesk\ZhibuDesk.exe"
$CliExe = "dist\ZhibuDesk\ZhibuDesk-cli.exe"
$IconFile = "resources\icons\zhibu.ico"
$TsDir = "resources\i18n\zh_CN"
$QmFile = "resources\i18n\zhibu_zh_CN.qm"
$PyProject = "pyproject.toml"
$MinInno = [version]"6.3.0"

function Write-Step([string]$Text) {
    Write-Host ""
    Write-Host "==> $Text" -ForegroundColor Cyan
}

function Stop-Build([string]$Text) {
    Write-Host ""
    Write-Host "ERROR: $Text" -ForegroundColor Red
    exit 1
}

# Run a program and stop the build when it fails. The exit code decides: PowerShell 5.1 turns a
# program's stderr lines (pip and PyInstaller log there) into errors when the output is redirected,
# which must not stop the build.
function Invoke-Native([string]$Exe, [string[]]$Arguments) {
    $saved = $ErrorActionPreference
    $ErrorActionPreference = "Continue"
    try {
        & $Exe @Arguments
        $code = $LASTEXITCODE
    } finally {
        $ErrorActionPreference = $saved
    }
    if ($code -ne 0) {
        Stop-Build "'$Exe $($Arguments -join ' ')' failed with exit code $code"
    }
}

# The output of a program, or $null when it cannot be started or fails.
function Get-NativeOutput([string]$Exe, [string[]]$Arguments) {
    if (-not (Get-Command $Exe -ErrorAction SilentlyContinue)) { return $null }
    $saved = $ErrorActionPreference
    $ErrorActionPreference = "Continue"
    try {
        $out = & $Exe @Arguments 2>$null
        if ($LASTEXITCODE -ne 0) { return $null }
        return (($out | Out-String).Trim())
    } catch {
        return $null
    } finally {
        $ErrorActionPreference = $saved
    }
}

$ProbeCode = "import struct, sys; print('%d.%d-%d' % (sys.version_info[0], sys.version_info[1], struct.calcsize('P') * 8))"

function Find-Python {
    $candidates = @()
    if ($Python) {
        $candidates += , @($Python)
    } else {
        $candidates += , @("py", "-3.11-64")
        $candidates += , @("python")
    }
    foreach ($candidate in $candidates) {
        $exe = $candidate[0]
        $prefix = @($candidate | Select-Object -Skip 1)
        $found = Get-NativeOutput $exe ($prefix + @("-c", $ProbeCode))
        if ($found -eq "3.11-64") { return , $candidate }
        if ($found) { Write-Host "  $($candidate -join ' ') is Python $found, not 3.11 64-bit" }
    }
    return $null
}

function Find-Iscc {
    if ($Iscc) {
        if (Test-Path $Iscc -PathType Leaf) { return (Resolve-Path $Iscc).Path }
        Stop-Build "ISCC.exe not found at '$Iscc'"
    }
    $command = Get-Command "ISCC.exe" -ErrorAction SilentlyContinue
    if ($command) { return $command.Source }
    $candidates = @()
    $keys = @(
        "HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1",
        "HKLM:\Software\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1",
        "HKLM:\Software\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1"
    )
    foreach ($key in $keys) {
        $entry = Get-ItemProperty -Path $key -ErrorAction SilentlyContinue
        if ($entry -and $entry.PSObject.Properties["InstallLocation"]) {
            $candidates += (Join-Path $entry.InstallLocation "ISCC.exe")
        }
    }
    $candidates += (Join-Path ([Environment]::GetFolderPath("ProgramFilesX86")) "Inno Setup 6\ISCC.exe")
    $candidates += (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe")
    $candidates += (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    foreach ($candidate in $candidates) {
        if ($candidate -and (Test-Path $candidate -PathType Leaf)) { return $candidate }
    }
    return $null
}

Push-Location $Root
try {
    # ---------------------------------------------------------------- 1. tools
    Write-Step "Checking the build tools"
    if (-not [Environment]::Is64BitOperatingSystem) { Stop-Build "a 64-bit Windows is needed to build the x64 installer" }

    $pythonCommand = Find-Python
    if (-not $pythonCommand) {
        Stop-Build ("Python 3.11 64-bit not found. Install 'Windows installer (64-bit)' of Python 3.11 from " +
            "https://www.python.org/downloads/windows/ (keep 'py launcher' ticked), or pass -Python C:\path\to\python.exe")
    }
    Write-Host "  Python:   $($pythonCommand -join ' ') (3.11, 64-bit)"

    $isccPath = Find-Iscc
    if (-not $isccPath) {
        Stop-Build "Inno Setup 6 (ISCC.exe) not found. Install Inno Setup 6.3 or newer from https://jrsoftware.org/isdl.php, or pass -Iscc C:\path\to\ISCC.exe"
    }
    $info = (Get-Item $isccPath).VersionInfo
    $innoVersion = [version]("{0}.{1}.{2}" -f $info.FileMajorPart, $info.FileMinorPart, $info.FileBuildPart)
    if ($innoVersion -lt $MinInno) {
        Stop-Build "Inno Setup $innoVersion at $isccPath is too old; 6.3 or newer is needed (x64compatible). https://jrsoftware.org/isdl.php"
    }
    Write-Host "  ISCC:     $isccPath ($innoVersion)"

    $innoChinese = Join-Path (Split-Path $isccPath -Parent) "Languages\ChineseSimplified.isl"
    $localChinese = Join-Path $Root "installers\windows\ChineseSimplified.isl"
    if (Test-Path $innoChinese) {
        Write-Host "  Chinese:  $innoChinese"
    } elseif (Test-Path $localChinese) {
        Write-Host "  Chinese:  $localChinese"
    } else {
        Stop-Build ("ChineseSimplified.isl not found. Inno Setup 6.5+ ships it; for an older 6.x download it from " +
            "https://jrsoftware.org/files/istrans/ (Chinese Simplified) into '$(Split-Path $innoChinese -Parent)' " +
            "or next to zhibu.iss ($localChinese). See installers\windows\README.md")
    }

    foreach ($required in @($SpecFile, $IssFile, $PyProject, $IconFile)) {
        if (-not (Test-Path $required -PathType Leaf)) { Stop-Build "$required is missing" }
    }

    # The version: pyproject.toml [project] version is the single source.
    $pyExe = $pythonCommand[0]
    $pyPrefix = @($pythonCommand | Select-Object -Skip 1)
    $readVersion = "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
    $version = Get-NativeOutput $pyExe ($pyPrefix + @("-c", $readVersion))
    if (-not $version -or $version -notmatch '^\d+(\.\d+)*[A-Za-z0-9.+-]*$') {
        Stop-Build "could not read [project] version from pyproject.toml (got '$version')"
    }
    $numericVersion = ([regex]::Match($version, '^\d+(\.\d+){0,3}')).Value
    Write-Host "  Version:  $version (pyproject.toml)"

    # ---------------------------------------------------------------- 2. venv
    if (-not $Venv) { $Venv = Join-Path $Root "build\venv-windows" }
    $venvPython = Join-Path $Venv "Scripts\python.exe"
    if ((Test-Path $venvPython) -and ((Get-NativeOutput $venvPython @("-c", $ProbeCode)) -ne "3.11-64")) {
        Write-Host "  $Venv is not a Python 3.11 64-bit venv: making it again"
        Remove-Item -Recurse -Force $Venv
    }
    if (-not (Test-Path $venvPython)) {
        Write-Step "Creating the build venv $Venv"
        Invoke-Native $pyExe ($pyPrefix + @("-m", "venv", $Venv))
    }
    Write-Step "Installing the project with its build tools (pip install .[build])"
    Invoke-Native $venvPython @("-m", "pip", "install", "--disable-pip-version-check", "--upgrade", "pip")
    Invoke-Native $venvPython @("-m", "pip", "install", "--disable-pip-version-check", ".[build]")
    if (-not (Get-NativeOutput $venvPython @("-c", "import PyInstaller; print(PyInstaller.__version__)"))) {
        Stop-Build "PyInstaller is not installed: pyproject.toml needs a 'build' optional dependency group with pyinstaller"
    }

    # ---------------------------------------------------------------- 3. translations
    Write-Step "Compiling the translations into $QmFile"
    $tsFiles = @(Get-ChildItem -Path $TsDir -Filter "*.ts" | Sort-Object Name | ForEach-Object { $_.FullName })
    if ($tsFiles.Count -gt 0) {
        $lrelease = Join-Path $Venv "Scripts\pyside6-lrelease.exe"
        if (-not (Test-Path $lrelease)) { Stop-Build "$lrelease is missing (PySide6 not installed in the venv?)" }
        Invoke-Native $lrelease (@("-silent") + $tsFiles + @("-qm", (Join-Path $Root $QmFile)))
    } else {
        Write-Host "  no .ts files in $TsDir"
    }

    # ---------------------------------------------------------------- 4. PyInstaller
    Write-Step "Building $DistApp with PyInstaller ($SpecFile)"
    Invoke-Native $venvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", "dist", "--workpath", "build\pyinstaller", $SpecFile)
    $appExePath = Join-Path $Root $AppExe
    if (-not (Test-Path $appExePath)) { Stop-Build "PyInstaller did not produce $AppExe" }
    # The bundled libraries' tests and caches are not needed at run time (as installers/pyinstaller/build.sh).
    Get-ChildItem -Path $DistApp -Recurse -Directory -Include "tests", "__pycache__" -ErrorAction SilentlyContinue |
        Sort-Object { $_.FullName.Length } -Descending |
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue

    # ---------------------------------------------------------------- 5. smoke test
    if (-not $SkipSmokeTest) {
        Write-Step "Starting the built program once (a demo branch, then a screenshot)"
        $smokeDir = Join-Path ([IO.Path]::GetTempPath()) ("zhibu-smoke-" + [guid]::NewGuid().ToString("N"))
        New-Item -ItemType Directory -Path $smokeDir | Out-Null
        $smokeDb = Join-Path $smokeDir "smoke.db"
        $smokePng = Join-Path $smokeDir "smoke.png"
        $cliExePath = Join-Path $Root $CliExe
        if (Test-Path $cliExePath) {
            Invoke-Native $cliExePath @("--db", $smokeDb, "demo", "--members", "30")
        }
        $savedPlatform = $env:QT_QPA_PLATFORM
        $env:QT_QPA_PLATFORM = "windows"  # draw with the real Windows platform plugin, as users see it
        try {
            $arguments = "--db `"$smokeDb`" --screenshot `"$smokePng`""
            $process = Start-Process -FilePath $appExePath -ArgumentList $arguments -PassThru
            $null = $process.Handle  # keeps the exit code readable after WaitForExit
            if (-not $process.WaitForExit(180000)) {
                $process.Kill()
                Stop-Build "$AppExe did not finish the screenshot within 3 minutes"
            }
            if ($process.ExitCode -ne 0 -or -not (Test-Path $smokePng)) {
                Stop-Build "$AppExe --screenshot failed (exit code $($process.ExitCode)); run it by hand to see the error"
            }
            Write-Host "  ok: $smokePng"
        } finally {
            $env:QT_QPA_PLATFORM = $savedPlatform
        }
    }

    # ---------------------------------------------------------------- 6. Inno Setup
    Write-Step "Compiling the setup for version $version ($IssFile)"
    $isccArguments = @("/Qp", "/DAppVersion=$version", "/DAppVersionNumeric=$numericVersion")
    if ($SignTool) {
        $isccArguments += @("/Szhibusign=$SignTool", "/DSignTool=zhibusign")
    }
    $isccArguments += (Join-Path $Root $IssFile)
    Invoke-Native $isccPath $isccArguments

    # ---------------------------------------------------------------- 7. result
    $setupPath = Join-Path $Root "dist\ZhibuDesk-Setup-$version.exe"
    if (-not (Test-Path $setupPath)) { Stop-Build "ISCC did not produce $setupPath" }
    $setup = Get-Item $setupPath
    $hash = (Get-FileHash -Algorithm SHA256 -Path $setupPath).Hash
    Write-Host ""
    Write-Host "Setup:   $($setup.FullName)" -ForegroundColor Green
    Write-Host ("Size:    {0:N1} MB ({1:N0} bytes)" -f ($setup.Length / 1MB), $setup.Length)
    Write-Host "SHA-256: $hash"
} finally {
    Pop-Location
}
