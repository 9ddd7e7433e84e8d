"""Every message the core shows a keeper, in one place, marked for Qt's lupdate.

QT_TRANSLATE_NOOP here is our own no-op (the core imports no Qt); lupdate finds the calls by
name and puts the strings in the "core" context of resources/i18n/*.ts.
"""


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text


C = "core"

# input
EMPTY_SCAN = QT_TRANSLATE_NOOP("core", "Nothing was scanned. Scan the barcode on the parcel again.")
BAD_TRACKING = QT_TRANSLATE_NOOP("core", "“{text}” is not a tracking number: use 6–30 letters and digits.")
BAD_PHONE = QT_TRANSLATE_NOOP("core", "“{text}” is not a mobile number: it needs 11 digits starting with 1.")
BAD_LAST4 = QT_TRANSLATE_NOOP("core", "“{text}” is not the last 4 digits of a phone number.")
NAME_NEEDED = QT_TRANSLATE_NOOP("core", "With only the last 4 digits, enter the name as well.")
NEW_PHONE_NAME_NEEDED = QT_TRANSLATE_NOOP("core", "{phone} is not known here yet: enter the name as well.")
PHONE_NEEDED = QT_TRANSLATE_NOOP("core", "Enter the mobile number, or its last 4 digits.")
SAME_NAME_AND_LAST4 = QT_TRANSLATE_NOOP(
    "core", "More than one villager called {name} has a phone ending in {last4}: enter the full mobile number.")
BAD_NAME = QT_TRANSLATE_NOOP("core", "Enter a name of 1–20 characters.")
BAD_MONEY = QT_TRANSLATE_NOOP("core", "“{text}” is not an amount of money, e.g. 12 or 12.50.")
MONEY_RANGE = QT_TRANSLATE_NOOP("core", "The amount must be between ¥{low} and ¥{high}.")
BAD_WEIGHT = QT_TRANSLATE_NOOP("core", "“{text}” is not a weight in kilograms, e.g. 1.5.")
WEIGHT_RANGE = QT_TRANSLATE_NOOP("core", "The weight must be more than 0 and at most {high} kg.")
BAD_PERCENT = QT_TRANSLATE_NOOP("core", "“{text}” is not a percentage from 0 to {high}, e.g. 5 or 2.5.")
BAD_NUMBER = QT_TRANSLATE_NOOP("core", "“{text}” must be a whole number from {low} to {high}.")
BAD_PIN = QT_TRANSLATE_NOOP("core", "The PIN must be 4–8 digits.")
TEXT_TOO_LONG = QT_TRANSLATE_NOOP("core", "“{field}” is too long: at most {high} characters.")
FIELD_NEEDED = QT_TRANSLATE_NOOP("core", "Please fill in “{field}”.")
UNKNOWN_CARRIER = QT_TRANSLATE_NOOP("core", "Unknown courier company “{code}”.")
UNKNOWN_METHOD = QT_TRANSLATE_NOOP("core", "Unknown payment method “{code}”.")
SET_BY_COUNTY = QT_TRANSLATE_NOOP(
    "core", "The county center sets the overdue rules (configuration version {version}); they cannot be changed here.")

# parcels
ALREADY_IN_STOCK = QT_TRANSLATE_NOOP("core", "Parcel {tracking_no} is already on the shelf, pickup code {code}.")
SHELF_FULL = QT_TRANSLATE_NOOP("core", "Shelf {shelf} is full. Choose another shelf or add a layer.")
ALL_SHELVES_FULL = QT_TRANSLATE_NOOP("core", "Every shelf is full. Add a shelf in Settings first.")
NO_SHELVES = QT_TRANSLATE_NOOP("core", "No shelves are set up yet. Add a shelf in Settings first.")
UNKNOWN_SHELF = QT_TRANSLATE_NOOP("core", "There is no shelf “{shelf}”.")
WRONG_CODE = QT_TRANSLATE_NOOP("core", "No parcel on the shelf has pickup code “{code}”.")
NOTHING_SELECTED = QT_TRANSLATE_NOOP("core", "Select at least one parcel first.")
NOT_IN_STOCK = QT_TRANSLATE_NOOP("core", "Parcel {tracking_no} is no longer on the shelf.")
PROXY_NAME_NEEDED = QT_TRANSLATE_NOOP("core", "Enter the name of the family member collecting the parcels.")
REASON_NEEDED = QT_TRANSLATE_NOOP("core", "Please give a reason.")
SHELF_EXISTS = QT_TRANSLATE_NOOP("core", "Shelf “{shelf}” already exists.")
BAD_SHELF_CODE = QT_TRANSLATE_NOOP("core", "A shelf is named by 1–2 capital letters, e.g. A or B.")
SHELF_NOT_EMPTY = QT_TRANSLATE_NOOP("core", "Shelf {shelf} still holds {count} parcels; it can only get smaller once they are gone.")

# sends
SEND_NOT_OPEN = QT_TRANSLATE_NOOP("core", "This send has already been handed to the courier or cancelled.")
NOTHING_TO_HAND_OVER = QT_TRANSLATE_NOOP("core", "There are no sends waiting for {carrier}.")
ID_CHECK_NEEDED = QT_TRANSLATE_NOOP("core", "Check the sender's ID card (实名) before accepting the send.")
INSPECTION_NEEDED = QT_TRANSLATE_NOOP("core", "Inspect the contents (验视) before accepting the send.")

# people and set-up
DATA_DIR_NOT_EMPTY = QT_TRANSLATE_NOOP("core", "This data folder already has records; the demo needs an empty one.")
PINS_DIFFER = QT_TRANSLATE_NOOP("core", "The two PINs are not the same.")
WRONG_PIN = QT_TRANSLATE_NOOP("core", "Wrong PIN.")
OPERATOR_EXISTS = QT_TRANSLATE_NOOP("core", "There is already an operator called “{name}”.")
KEEPER_ONLY = QT_TRANSLATE_NOOP("core", "Only the keeper (站长) may do this.")
UNKNOWN_OPERATOR = QT_TRANSLATE_NOOP("core", "Unknown operator.")

# cash drawer
DRAWER_NOT_OPEN = QT_TRANSLATE_NOOP(
    "core", "The cash drawer is not open today. Count the float and open it on the Cash drawer page first.")
DRAWER_FROM_EARLIER_DAY = QT_TRANSLATE_NOOP(
    "core", "The cash drawer of {date} is still open. Close it on the Cash drawer page first.")
DRAWER_ALREADY_OPEN = QT_TRANSLATE_NOOP("core", "The cash drawer is already open.")
DRAWER_CLOSED_TODAY = QT_TRANSLATE_NOOP(
    "core", "Today's drawer was closed (Z no. {z}), and a closed session is never reopened. To take money now, count the cash and open a new session on the Cash drawer page (F8).")
NO_OPEN_DRAWER = QT_TRANSLATE_NOOP("core", "There is no open cash drawer to close.")
DRAWER_SHORT = QT_TRANSLATE_NOOP(
    "core", "The drawer should hold only {cash} in cash; it cannot pay out {amount}.")

# voids
PURCHASE_PARCEL = QT_TRANSLATE_NOOP(
    "core", "This parcel is {name}'s agent purchase ({items}): hand it over on the agent purchases "
            "page (F6), which takes the balance.")
ALREADY_VOID = QT_TRANSLATE_NOOP("core", "This record has already been voided.")
NOT_A_MONEY_RECORD = QT_TRANSLATE_NOOP("core", "No money record “{record}” was found.")
VOID_DEPENDENTS_FIRST = QT_TRANSLATE_NOOP(
    "core", "Sales or payouts of this consignment are still recorded: void those first.")
VOID_PAYOUT_FIRST = QT_TRANSLATE_NOOP(
    "core", "The farmer has already been paid more than would remain due: void the payout first.")
RECORD_VOIDED = QT_TRANSLATE_NOOP("core", "This record has been voided; nothing more can be done with it.")

# agent purchases
PURCHASE_STEP = QT_TRANSLATE_NOOP("core", "This purchase is “{status}”: that step is not possible now.")
DEPOSIT_TOO_HIGH = QT_TRANSLATE_NOOP("core", "The deposit cannot be more than the total, {total}.")
UNKNOWN_PLATFORM = QT_TRANSLATE_NOOP("core", "Unknown shopping platform “{code}”.")

# produce
NET_NOT_POSITIVE = QT_TRANSLATE_NOOP(
    "core", "After tare and deductions nothing is left ({net} kg): check the weights.")
NOT_ENOUGH_PRODUCE = QT_TRANSLATE_NOOP("core", "Only {available} kg of {product} is in stock.")
PAYOUT_TOO_HIGH = QT_TRANSLATE_NOOP(
    "core", "Only {due} is due to the farmer from what has sold so far; the payout cannot be more.")
NOT_CONSIGNMENT = QT_TRANSLATE_NOOP("core", "This intake was bought out; nothing is paid out after the sale.")
COMMISSION_RANGE = QT_TRANSLATE_NOOP("core", "The commission must be between 0% and 50%.")

# bill payments
BILL_NOT_PENDING = QT_TRANSLATE_NOOP("core", "This payment is no longer pending.")
REFUND_SUCCEEDED = QT_TRANSLATE_NOOP(
    "core", "This payment succeeded, so it cannot be refunded. If it was recorded by mistake, the keeper can void it.")
UNKNOWN_BILL_KIND = QT_TRANSLATE_NOOP("core", "Unknown kind of bill “{code}”.")

# other services
CARD_LAST4_NEEDED = QT_TRANSLATE_NOOP("core", "Enter the last 4 digits of the bank card.")
DISK_FULL = QT_TRANSLATE_NOOP(
    "core", "The computer's disk is full, so this was not saved. Everything saved before is "
            "safe. Free some space (delete old files, empty the recycle bin), then try again.")
NO_STATION_DATA = QT_TRANSLATE_NOOP(
    "core", "There is no station's data in {folder}. Check the folder given with --data-dir; "
            "a new station is set up by starting the app.")
