@echo off
rem Build the Zhibu Desk Windows installer (dist\ZhibuDesk-Setup-x.y.z.exe).
rem Double-click it, or run it from a command prompt; arguments go to build.ps1, e.g.
rem     build.cmd -SkipSmokeTest
rem     build.cmd -Python C:\Python311\python.exe -Iscc "C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
setlocal
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0build.ps1" %*
set "RC=%ERRORLEVEL%"
if not "%RC%"=="0" echo Build failed (exit code %RC%).
rem Started by a double-click: keep the window open so the result can be read.
echo %CMDCMDLINE% | findstr /i /c:"%~nx0" >nul && pause
exit /b %RC%
