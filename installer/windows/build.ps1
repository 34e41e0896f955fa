# Build the Windows installer: dist\clinic-app-<version>-setup.exe
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Needs Python 3.11+ (python.org, "py" launcher) and Inno Setup 6 (ISCC.exe).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Run { param([string]$exe) & $exe @args; if ($LASTEXITCODE -ne 0) { throw "$exe failed ($LASTEXITCODE)" } }

# The same environment as everywhere else: every package from the lock, checked by hash.
Run py -3.11 scripts\lock.py --check
if (-not (Test-Path .venv\Scripts\python.exe)) { Run py -3.11 -m venv .venv }
$py = ".venv\Scripts\python.exe"
Run $py -m pip install -q --require-hashes -r requirements.lock
Run $py -m pip install -q --no-deps --no-build-isolation -e .
$env:QT_QPA_PLATFORM = "offscreen"
Run $py scripts\build_resources.py
Remove-Item Env:\QT_QPA_PLATFORM

Run .venv\Scripts\pyinstaller.exe --noconfirm --clean --log-level WARN --distpath dist --workpath build\installer\pyinstaller installer\clinic-app.spec
Run dist\clinic-app\clinic-app.exe --version

$version = & $py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
$iscc = @("$env:ProgramFiles(x86)\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $iscc) { $iscc = "ISCC.exe" }
Run $iscc /Q "/DAppVersion=$version" installer\windows\clinic-app.iss
Write-Host "built dist\clinic-app-$version-setup.exe"
