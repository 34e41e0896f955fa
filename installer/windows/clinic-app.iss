; Inno Setup script for Clinic App on Windows (per-machine install).
; Built by installer\windows\build.ps1, which passes the version read from pyproject.toml:
;   ISCC.exe /DAppVersion=0.1.0 installer\windows\clinic-app.iss
; Input: the PyInstaller one-folder bundle in dist\clinic-app\ (installer\clinic-app.spec).
; Output: dist\clinic-app-<version>-setup.exe

#ifndef AppVersion
  #error Pass the version from pyproject.toml: ISCC /DAppVersion=X.Y.Z (build.ps1 does)
#endif
#define AppName "Clinic App"
#define Root2 "..\.."

[Setup]
; Never change AppId: Windows finds earlier installs (upgrade, uninstall) by it.
AppId={{6E0C2B8A-3F7D-4C1B-9A52-2D6C1E4F8B17}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Clinic App
VersionInfoVersion={#AppVersion}
; Per machine: installed once by an administrator into Program Files, for every user.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
SetupIconFile={#Root2}\resources\icons\app\clinic-app.ico
UninstallDisplayIcon={app}\clinic-app-gui.exe
UninstallDisplayName={#AppName}
OutputDir={#Root2}\dist
OutputBaseFilename=clinic-app-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root2}\dist\clinic-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The Start-menu entry for every user; clinic-app-gui.exe opens no console window.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\clinic-app-gui.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\clinic-app-gui.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\clinic-app-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent unchecked

[UninstallDelete]
; Only what the program itself may have written inside its own folder.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

; The uninstaller removes only the files it installed. Each user's databases, backups, logs
; and settings live in %LOCALAPPDATA%\clinic-app and the registry key of the app's settings,
; and are kept: deleting a clinic's records is a decision for its administrator.
