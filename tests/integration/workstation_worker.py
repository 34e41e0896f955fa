"""One workstation's action, run in its own process with its own keychain (see the
two-workstation test). Service errors go through the command line's own reporting, so the
exit code and message are what ``clinic-app`` gives."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from clinic_app.cli.main import report
from clinic_app.errors import ClinicError
from clinic_app.services.container import build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from tests.conftest import FAST_HASHER

NAME = "Ana Popescu"


def _wait_for_all(barrier: Path, me: str, parties: int) -> None:
    (barrier / me).touch()
    deadline = time.monotonic() + 60
    while len(list(barrier.iterdir())) < parties:
        if time.monotonic() > deadline:
            raise SystemExit("barrier timeout")
        time.sleep(0.01)


def main(argv: list[str]) -> int:
    command = argv[0]
    services = build_services(open_database(os.environ["CLINIC_APP_DB"]), hasher=FAST_HASHER)
    try:
        actor = services.users.authenticate(
            os.environ["CLINIC_APP_USER"], os.environ["CLINIC_APP_PASSWORD"], "worker"
        )
        if command == "register":
            person = services.persons.register(actor, PersonInput(names=(NameInput(NAME),)))
            print(json.dumps({"case_ref": person.case_ref}))
        elif command == "edit-person":
            case_ref, note, barrier, me = argv[1:5]
            person = services.persons.get_by_case_ref(actor, case_ref)
            _wait_for_all(Path(barrier), me, 2)  # both have read the same version
            data = PersonInput(names=(NameInput(NAME),), notes=note)
            saved = services.persons.update(actor, person.id, data, person.version)
            print(json.dumps({"version": saved.version}))
        else:
            return 2
        return 0
    except ClinicError as exc:
        return report(exc)
    finally:
        services.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
