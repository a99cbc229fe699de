; Loyalty Desk installer (NSIS 3). Built by installer/build.py after the PyInstaller bundle:
;   makensis /DVERSION=0.1.0 /DDIST=build\dist\LoyaltyDesk /DOUTFILE=build\dist\LoyaltyDesk-Setup-0.1.0.exe installer\loyalty-desk.nsi
;
; Per user by default (no administrator rights needed: %LOCALAPPDATA%\Programs\Loyalty Desk),
; or for all users (Program Files; asks for elevation). Silent installs for IT:
;   LoyaltyDesk-Setup-0.1.0.exe /S                     this user
;   LoyaltyDesk-Setup-0.1.0.exe /S /AllUsers /DBURL=postgresql+psycopg://USER@SERVER:5432/loyalty
; /DBURL presets the database for everyone on the machine (all users) or this user: it is
; written where the app's settings fall back to (see app/ui/shared/prefs.py). Leave the
; password out: each user gives it once and it is kept in their Windows Credential Manager.
; The uninstaller removes the program only; members' data, logs and settings stay.

Unicode true
!ifdef QUICK_CHECK
  SetCompress off  ; CI only checks that the script compiles: minutes of LZMA for nothing
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION
  !error "Pass /DVERSION=x.y.z /DDIST=<the PyInstaller folder> /DOUTFILE=<setup.exe>"
!endif
!ifndef DIST
  !error "Pass /DDIST=<the PyInstaller folder, e.g. build\dist\LoyaltyDesk>"
!endif
!ifndef OUTFILE
  !error "Pass /DOUTFILE=<the setup program to write>"
!endif

!define APP_NAME "Loyalty Desk"
!define EXE_NAME "LoyaltyDesk.exe"
; The app's settings: QSettings' INI file, organisation and application "LoyaltyDesk".
!define SETTINGS_FILE "LoyaltyDesk\LoyaltyDesk.ini"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\LoyaltyDesk"

; Not "LoyaltyDesk": that is the data folder's name in %LOCALAPPDATA%, which the
; uninstaller must never touch.
!define MULTIUSER_INSTALLMODE_INSTDIR "Loyalty Desk"
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "Software\LoyaltyDesk"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!include MultiUser.nsh
!include MUI2.nsh
!include FileFunc.nsh

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "LoyaltyDesk"
VIAddVersionKey /LANG=0 "LegalCopyright" "LoyaltyDesk"

; Forward slashes in build-time paths: makensis takes them on Windows and Linux alike.
!define MUI_ICON "${DIST}/_internal/app/resources/icons/loyalty-desk.ico"
!define MUI_UNICON "${DIST}/_internal/app/resources/icons/loyalty-desk.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Var DbUrl

Function .onInit
  !insertmacro MULTIUSER_INIT
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DBURL=" $DbUrl
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "Loyalty Desk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program files; the user's data lives elsewhere.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}/*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE_NAME}"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${EXE_NAME}"

  ${If} $DbUrl != ""
    ; MultiUser set the shell context: $APPDATA is C:\ProgramData for all users (the
    ; app's fallback settings) or this user's roaming folder.
    CreateDirectory "$APPDATA\LoyaltyDesk"
    WriteINIStr "$APPDATA\${SETTINGS_FILE}" "database" "url" "$DbUrl"
  ${EndIf}

  WriteRegStr SHCTX "Software\LoyaltyDesk" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "LoyaltyDesk"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" \
    '"$INSTDIR\Uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" \
    '"$INSTDIR\Uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; The program folder and its shortcuts only. Kept: the database, backups, logs and
; checkpoints (%LOCALAPPDATA%\LoyaltyDesk), the settings (%APPDATA%\LoyaltyDesk) and saved
; passwords (Credential Manager).
Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE_NAME}"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey SHCTX "Software\LoyaltyDesk"
SectionEnd
