"""Every word the workspace's pages show, in the catalogue's "web" context: the templates
call ``t("…")`` with these English sources (tests/test_center_web.py holds the two lists
together), and `make lupdate` collects them from here into resources/i18n/*.ts, where the
Chinese is kept. Nothing here imports Qt: the center reads the .ts file itself."""

from __future__ import annotations

from functools import cache

from station_app.core.ledger import CATEGORIES, METHODS
from station_app.core.messages import QT_TRANSLATE_NOOP

WORDS = (
    QT_TRANSLATE_NOOP("web", "Audit log"),
    QT_TRANSLATE_NOOP("web", "The log does not hold from entry {seq} on: it was changed outside this workspace. Tell the center's administrator."),
    QT_TRANSLATE_NOOP("web", "All {n} entries check out: none was changed or removed."),
    QT_TRANSLATE_NOOP("web", "When"),
    QT_TRANSLATE_NOOP("web", "Who"),
    QT_TRANSLATE_NOOP("web", "Action"),
    QT_TRANSLATE_NOOP("web", "On"),
    QT_TRANSLATE_NOOP("web", "Detail"),
    QT_TRANSLATE_NOOP("web", "Nothing yet."),
    QT_TRANSLATE_NOOP("web", "Older entries"),
    QT_TRANSLATE_NOOP("web", "County e-commerce center workspace"),
    QT_TRANSLATE_NOOP("web", "Stations"),
    QT_TRANSLATE_NOOP("web", "Flags"),
    QT_TRANSLATE_NOOP("web", "Coverage"),
    QT_TRANSLATE_NOOP("web", "County rules"),
    QT_TRANSLATE_NOOP("web", "Add a station"),
    QT_TRANSLATE_NOOP("web", "Staff accounts"),
    QT_TRANSLATE_NOOP("web", "Administrator"),
    QT_TRANSLATE_NOOP("web", "Viewer"),
    QT_TRANSLATE_NOOP("web", "Sign out"),
    QT_TRANSLATE_NOOP("web", "Enrollment card"),
    QT_TRANSLATE_NOOP("web", "Print this card and give it to the keeper. The one-time code is shown only now; it works once, for 7 days, and any older code of this station is void."),
    QT_TRANSLATE_NOOP("web", "The address on this card, {url}, works only on this computer: a station cannot reach it. Open the workspace by the center's address on the county network (or start the center with COUNTY_CENTER_URL set to it), then issue a new code."),
    QT_TRANSLATE_NOOP("web", "QR code to scan at the station"),
    QT_TRANSLATE_NOOP("web", "Station"),
    QT_TRANSLATE_NOOP("web", "Station id"),
    QT_TRANSLATE_NOOP("web", "One-time code"),
    QT_TRANSLATE_NOOP("web", "County center"),
    QT_TRANSLATE_NOOP("web", "Center key"),
    QT_TRANSLATE_NOOP("web", "At the station: 同步 (Ctrl+B) › 加入县中心…, then scan the QR code, or type the four lines above."),
    QT_TRANSLATE_NOOP("web", "Print with the browser (Ctrl+P)."),
    QT_TRANSLATE_NOOP("web", "The rules every station applies: couriers, overdue storage fees, bill providers, the produce catalogue, announcements. A station takes a new version at its next sync."),
    QT_TRANSLATE_NOOP("web", "Edit the next version"),
    QT_TRANSLATE_NOOP("web", "Version"),
    QT_TRANSLATE_NOOP("web", "Published"),
    QT_TRANSLATE_NOOP("web", "By"),
    QT_TRANSLATE_NOOP("web", "Stations running it"),
    QT_TRANSLATE_NOOP("web", "What changed"),
    QT_TRANSLATE_NOOP("web", "built-in"),
    QT_TRANSLATE_NOOP("web", "From v{a} to v{b}"),
    QT_TRANSLATE_NOOP("web", "No difference."),
    QT_TRANSLATE_NOOP("web", "In force: v{v}"),
    QT_TRANSLATE_NOOP("web", "Not published: {detail}"),
    QT_TRANSLATE_NOOP("web", "Nothing is published yet: the next page shows what would change, and asks."),
    QT_TRANSLATE_NOOP("web", "Quick change to the rules in force"),
    QT_TRANSLATE_NOOP("web", "Overdue parcels"),
    QT_TRANSLATE_NOOP("web", "Free days"),
    QT_TRANSLATE_NOOP("web", "Fee per day after them (yuan)"),
    QT_TRANSLATE_NOOP("web", "A new announcement"),
    QT_TRANSLATE_NOOP("web", "Title"),
    QT_TRANSLATE_NOOP("web", "Text"),
    QT_TRANSLATE_NOOP("web", "See what would change"),
    QT_TRANSLATE_NOOP("web", "Everything, as JSON"),
    QT_TRANSLATE_NOOP("web", "The whole next version: what it says is what the stations get. Sections: carriers, overdue, bill_providers, produce, announcements. Money in fen (whole numbers)."),
    QT_TRANSLATE_NOOP("web", "What would change"),
    QT_TRANSLATE_NOOP("web", "These sections would be removed, and the stations would go back to their built-in rules for them: {sections}."),
    QT_TRANSLATE_NOOP("web", "Sign and publish this version"),
    QT_TRANSLATE_NOOP("web", "Back, without publishing"),
    QT_TRANSLATE_NOOP("web", "The county's list of administrative villages has not been imported yet (county-center import-villages FILE.csv, a township and a village on each line)."),
    QT_TRANSLATE_NOOP("web", "{covered} of the county's {villages} administrative villages have an active station: {rate}."),
    QT_TRANSLATE_NOOP("web", "Township"),
    QT_TRANSLATE_NOOP("web", "Villages"),
    QT_TRANSLATE_NOOP("web", "With a station"),
    QT_TRANSLATE_NOOP("web", "Villages without one"),
    QT_TRANSLATE_NOOP("web", "Active stations whose village is not on the list"),
    QT_TRANSLATE_NOOP("web", "Correct the station's township or village, or the list."),
    QT_TRANSLATE_NOOP("web", "Not possible"),
    QT_TRANSLATE_NOOP("web", "There is no station {station} at this center."),
    QT_TRANSLATE_NOOP("web", "{month} is not a month: write it as 2026-11."),
    QT_TRANSLATE_NOOP("web", "That kind of file is not offered: choose PDF, XLSX, CSV or JSON."),
    QT_TRANSLATE_NOOP("web", "This form has expired or did not come from this workspace. Open the page again and repeat."),
    QT_TRANSLATE_NOOP("web", "Only an administrator can do this."),
    QT_TRANSLATE_NOOP("web", "There is no such page."),
    QT_TRANSLATE_NOOP("web", "Station {station} is revoked: it gets no new code."),
    QT_TRANSLATE_NOOP("web", "This station has joined already. A new code is for a new PC: tick the box that says so."),
    QT_TRANSLATE_NOOP("web", "Say why the station is revoked: the reason goes into the audit log."),
    QT_TRANSLATE_NOOP("web", "You cannot disable your own account."),
    QT_TRANSLATE_NOOP("web", "There is no such account or session."),
    QT_TRANSLATE_NOOP("web", "Something in the address is not what this page takes."),
    QT_TRANSLATE_NOOP("web", "The request could not be carried out."),
    QT_TRANSLATE_NOOP("web", "Nothing was changed."),
    QT_TRANSLATE_NOOP("web", "Back to the stations"),
    QT_TRANSLATE_NOOP("web", "Conflict"),
    QT_TRANSLATE_NOOP("web", "The station sent a record that differs from the one the center holds under the same number. Its uploads stop there. Call the keeper: the station's data folder may have been restored from an old backup or copied to another PC. Do not re-key the station before you know which records are right."),
    QT_TRANSLATE_NOOP("web", "Not understood"),
    QT_TRANSLATE_NOOP("web", "The center stored a record it could not count (an unknown category, an impossible date, an amount out of bounds). It is kept, and left out of ledgers and reports. If many come from one station, its app may be newer than the center: upgrade the center, or ask the station what it was doing then."),
    QT_TRANSLATE_NOOP("web", "Record"),
    QT_TRANSLATE_NOOP("web", "Kind"),
    QT_TRANSLATE_NOOP("web", "No flags: every record the center holds could be counted."),
    QT_TRANSLATE_NOOP("web", "Monthly ledger {month}"),
    QT_TRANSLATE_NOOP("web", "The station has no records for this month."),
    QT_TRANSLATE_NOOP("web", "Download:"),
    QT_TRANSLATE_NOOP("web", "By category"),
    QT_TRANSLATE_NOOP("web", "Category"),
    QT_TRANSLATE_NOOP("web", "In"),
    QT_TRANSLATE_NOOP("web", "Out"),
    QT_TRANSLATE_NOOP("web", "Total"),
    QT_TRANSLATE_NOOP("web", "By payment method"),
    QT_TRANSLATE_NOOP("web", "Method"),
    QT_TRANSLATE_NOOP("web", "Entries ({n})"),
    QT_TRANSLATE_NOOP("web", "Date"),
    QT_TRANSLATE_NOOP("web", "Description"),
    QT_TRANSLATE_NOOP("web", "No entries this month."),
    QT_TRANSLATE_NOOP("web", "Sign in"),
    QT_TRANSLATE_NOOP("web", "Too many failed sign-ins. Try again in {minutes} minutes."),
    QT_TRANSLATE_NOOP("web", "The user name or the password is not right."),
    QT_TRANSLATE_NOOP("web", "User name"),
    QT_TRANSLATE_NOOP("web", "Password"),
    QT_TRANSLATE_NOOP("web", "Accounts are made by the center's administrator."),
    QT_TRANSLATE_NOOP("web", "The station is revoked: the center takes nothing more from it."),
    QT_TRANSLATE_NOOP("web", "Township saved."),
    QT_TRANSLATE_NOOP("web", "Revoked on {when} by {who}: {reason}"),
    QT_TRANSLATE_NOOP("web", "No contact for {n} days. Call the keeper: is the PC on, the app open, the network up? Records kept at the station are safe and go up at the next contact."),
    QT_TRANSLATE_NOOP("web", "Village"),
    QT_TRANSLATE_NOOP("web", "Enrollment"),
    QT_TRANSLATE_NOOP("web", "Joined"),
    QT_TRANSLATE_NOOP("web", "Not joined yet: a one-time code is waiting to be used"),
    QT_TRANSLATE_NOOP("web", "Revoked"),
    QT_TRANSLATE_NOOP("web", "Contact"),
    QT_TRANSLATE_NOOP("web", "Silent"),
    QT_TRANSLATE_NOOP("web", "Late"),
    QT_TRANSLATE_NOOP("web", "In contact"),
    QT_TRANSLATE_NOOP("web", "Not joined yet"),
    QT_TRANSLATE_NOOP("web", "last heard {when}"),
    QT_TRANSLATE_NOOP("web", "never heard from"),
    QT_TRANSLATE_NOOP("web", "Records held"),
    QT_TRANSLATE_NOOP("web", "({n} more at the station, not sent yet)"),
    QT_TRANSLATE_NOOP("web", "Rules"),
    QT_TRANSLATE_NOOP("web", "version {v}"),
    QT_TRANSLATE_NOOP("web", "Days in contact (last {n} days)"),
    QT_TRANSLATE_NOOP("web", "{n} of the last {total} days."),
    QT_TRANSLATE_NOOP("web", "Attendance {month}"),
    QT_TRANSLATE_NOOP("web", "Open {open} days; reached the center on {heard} of {elapsed} days so far (online rate {rate})."),
    QT_TRANSLATE_NOOP("web", "This month has not begun."),
    QT_TRANSLATE_NOOP("web", "Mon"),
    QT_TRANSLATE_NOOP("web", "Tue"),
    QT_TRANSLATE_NOOP("web", "Wed"),
    QT_TRANSLATE_NOOP("web", "Thu"),
    QT_TRANSLATE_NOOP("web", "Fri"),
    QT_TRANSLATE_NOOP("web", "Sat"),
    QT_TRANSLATE_NOOP("web", "Sun"),
    QT_TRANSLATE_NOOP("web", "open"),
    QT_TRANSLATE_NOOP("web", "reached the center"),
    QT_TRANSLATE_NOOP("web", "online"),
    QT_TRANSLATE_NOOP("web", "Other months:"),
    QT_TRANSLATE_NOOP("web", "Monthly ledgers"),
    QT_TRANSLATE_NOOP("web", "Month"),
    QT_TRANSLATE_NOOP("web", "Download"),
    QT_TRANSLATE_NOOP("web", "No records from this station yet."),
    QT_TRANSLATE_NOOP("web", "Administration"),
    QT_TRANSLATE_NOOP("web", "The station's PC was replaced: drop its key and issue a new code"),
    QT_TRANSLATE_NOOP("web", "A new code voids the one issued before."),
    QT_TRANSLATE_NOOP("web", "Issue a new code and print the card"),
    QT_TRANSLATE_NOOP("web", "Reason for revoking"),
    QT_TRANSLATE_NOOP("web", "Revoke this station"),
    QT_TRANSLATE_NOOP("web", "Save"),
    QT_TRANSLATE_NOOP("web", "None."),
    QT_TRANSLATE_NOOP("web", "A station needs a name, and an id of 1 to 40 letters, digits, dots, dashes or underscores (as 610102-001)."),
    QT_TRANSLATE_NOOP("web", "There is a station {station} already: open it to give it a new code."),
    QT_TRANSLATE_NOOP("web", "Open it"),
    QT_TRANSLATE_NOOP("web", "Station name"),
    QT_TRANSLATE_NOOP("web", "Add, and print its enrollment card"),
    QT_TRANSLATE_NOOP("web", "{all} stations: {ok} in contact, {amber} late, {red} silent, {pending} not joined yet, {revoked} revoked."),
    QT_TRANSLATE_NOOP("web", "Late: no contact for {amber} days or more; silent: {red} days or more."),
    QT_TRANSLATE_NOOP("web", "All townships"),
    QT_TRANSLATE_NOOP("web", "All"),
    QT_TRANSLATE_NOOP("web", "Search"),
    QT_TRANSLATE_NOOP("web", "name, village or station id"),
    QT_TRANSLATE_NOOP("web", "Show"),
    QT_TRANSLATE_NOOP("web", "Last heard"),
    QT_TRANSLATE_NOOP("web", "Still to send"),
    QT_TRANSLATE_NOOP("web", "{n} days ago"),
    QT_TRANSLATE_NOOP("web", "never"),
    QT_TRANSLATE_NOOP("web", "No station matches."),
    QT_TRANSLATE_NOOP("web", "Role"),
    QT_TRANSLATE_NOOP("web", "State"),
    QT_TRANSLATE_NOOP("web", "Since"),
    QT_TRANSLATE_NOOP("web", "Disabled"),
    QT_TRANSLATE_NOOP("web", "Active"),
    QT_TRANSLATE_NOOP("web", "Disable"),
    QT_TRANSLATE_NOOP("web", "Add an account"),
    QT_TRANSLATE_NOOP("web", "A password needs at least 10 characters."),
    QT_TRANSLATE_NOOP("web", "The two passwords differ."),
    QT_TRANSLATE_NOOP("web", "There is an account {name} already."),
    QT_TRANSLATE_NOOP("web", "A user name is 2 to 40 characters: a-z first, then a-z, 0-9, dot, dash or underscore; the role is administrator or viewer."),
    QT_TRANSLATE_NOOP("web", "Password again"),
    QT_TRANSLATE_NOOP("web", "Add the account"),
    QT_TRANSLATE_NOOP("web", "Signed in now"),
    QT_TRANSLATE_NOOP("web", "From"),
    QT_TRANSLATE_NOOP("web", "this browser"),
)

# The audit log's actions, as the log page names them.
ACTIONS = {
    "login": QT_TRANSLATE_NOOP("web", "Signed in"),
    "logout": QT_TRANSLATE_NOOP("web", "Signed out"),
    "login.failed": QT_TRANSLATE_NOOP("web", "Sign-in refused"),
    "ledger.export": QT_TRANSLATE_NOOP("web", "Ledger downloaded"),
    "user.add": QT_TRANSLATE_NOOP("web", "Account added"),
    "user.password": QT_TRANSLATE_NOOP("web", "Password changed"),
    "user.disable": QT_TRANSLATE_NOOP("web", "Account disabled"),
    "session.revoke": QT_TRANSLATE_NOOP("web", "Session ended by an administrator"),
    "station.add": QT_TRANSLATE_NOOP("web", "Station added"),
    "station.code": QT_TRANSLATE_NOOP("web", "New one-time code issued"),
    "station.revoke": QT_TRANSLATE_NOOP("web", "Station revoked"),
    "station.rekey": QT_TRANSLATE_NOOP("web", "Station's key dropped (a new PC)"),
    "station.township": QT_TRANSLATE_NOOP("web", "Township changed"),
    "config.publish": QT_TRANSLATE_NOOP("web", "Configuration published"),
    "villages.import": QT_TRANSLATE_NOOP("web", "Village list imported"),
}


class Words:
    """``t("…")`` in one language: the web context, and the words a ledger shares with the
    station's papers (categories and methods, in the "core" context)."""

    def __init__(self, lang: str):
        from station_app.reports.catalog import ts_translator

        self._t = ts_translator(lang)
        self.lang = lang

    def __call__(self, text: str) -> str:
        return self._t("web", text)

    def category(self, code: str) -> str:
        return self._t("core", CATEGORIES[code]) if code in CATEGORIES else code

    def method(self, code: str) -> str:
        return self._t("core", METHODS[code]) if code in METHODS else code

    def config_error(self, exc) -> str:
        """A ConfigError in this language: its JSON path, then what it must be."""
        what = self._t("config", exc.template).format(**exc.params)
        colon = "：" if self.lang.startswith("zh") else ": "
        return f"{exc.where}{colon}{what}" if exc.where else what

    def action(self, code: str) -> str:
        return self(ACTIONS[code]) if code in ACTIONS else code


@cache
def translator(lang: str) -> Words:
    return Words(lang)
