#include "query.h"

#include <array>
#include <cmath>
#include <compare>

using namespace Qt::Literals::StringLiterals;

// The offer query language (docs/app.md, the `q` of GET /offers in server/openapi.yaml),
// decisions on what they leave open:
//
// Syntax. Terms are `field op value`, separated by white space (any Unicode space, so the
// ideographic space of a Chinese input method works too). Spaces around the operator are
// optional: `gpus>=2`, `gpus >= 2` and `gpus>= 2` are the same term. This is unambiguous
// because a field name never contains an operator character and a value is read whole up to
// the next space (or the closing `]` of a list), so the term after a value always begins after
// a space. `in`/`notin` are words and need a space (or a `[`) after the field: `gpu in [a,b]`,
// `gpu in[a,b]`. Field names, `in`/`notin` and `true`/`false` are case-insensitive.
//
// Values. A value is a run of letters (any script), digits, '.', '-' and '_'. Lists are
// `[a,b]`; spaces inside the brackets are allowed; a list is valid only with in/notin and
// in/notin need a list; an empty list is an error. `_` stands for a space in text values (so
// a literal underscore cannot be searched for). Numbers are `-?digits(.digits)?` (no exponent,
// at most 30 digits); integer fields take exact integral values up to 2^53 after unit
// conversion, because query::Value holds a double, which is exact to 2^53.
//
// Units. The aliases convert with exact integer arithmetic from the decimal text:
// price (currency per GPU-hour) × 1,000,000 → price_gpu_hour_micro, and day_price, week_price,
// month_price (per GPU and period) the same way to price_gpu_{day,week,month}_micro; more than 6
// decimal places (a fraction of a µ) is an error rather than a silent rounding. vram_gb →
// gpu_memory_mb and ram_gb → ram_mb × 1024, rounded to the nearest MB, halves away from zero
// (vram_gb=0.1 → 102 MB). A plain integer field with a fraction (gpus>=1.5) is an error.
//
// Comparison. Text (host_name, gpu_model, region, cuda_version, driver_version) compares
// case-insensitively by ASCII case only, which is what SQLite's built-in lower() does; GPU
// models and regions are ASCII or have no case (Chinese), so little is lost. The SQL is
// `lower(col) = ?` with the value already folded the same way in C++. Ordering operators
// are rejected on bool fields and on host_name, gpu_model and region; cuda_version and
// driver_version accept them and compare lexically (byte order of the lowered UTF-8 text):
// right for today's "11.8" < "12.4" and "535.x" < "550.x", wrong for a hypothetical "12.10" vs
// "12.9". ORDER BY on a text field is byte order too (SQLite's BINARY collation).
// PostgreSQL agrees exactly when the text columns are declared COLLATE "C" (lower() then folds
// ASCII only and ordering is byte order). With another collation its lower(col) also folds
// non-ASCII capitals in the stored text (a host in "ZÜRICH" would match region=zürich there,
// not in SQLite or the app) and text ORDER BY follows that collation's rules.
//
// Null. perf_tflops is absent for unknown GPU models, a plan price for a plan the lender does
// not offer (so "day_price<=20" lists only offers that sell a day). As in SQL, an absent value
// never matches any comparison, `!=` and `notin` included: "perf_tflops!=100" lists only offers
// that have a figure. Ordering puts absent values last in both directions.
//
// Limits. At most 1000 values in one query, so that the SQL stays well inside SQLite's and
// PostgreSQL's limits on bound parameters.

namespace suanli::protocol::query {

namespace {

using Cell = std::variant<std::monostate, qint64, double, bool, QString>;

struct FieldInfo
{
    QLatin1StringView name;
    FieldType type;
    bool ordered; ///< accepts < <= > >=
    Cell (*get)(const Offer &);
};

Cell present(const std::optional<Micro> &value)
{
    return value ? Cell(qint64(*value)) : Cell(std::monostate());
}

// One line per field reads best as a table.
// clang-format off
constexpr std::array<FieldInfo, 28> kFields{{
    {"id"_L1, FieldType::Integer, true, [](const Offer &o) -> Cell { return o.id; }},
    {"host_id"_L1, FieldType::Integer, true, [](const Offer &o) -> Cell { return o.host_id; }},
    {"host_name"_L1, FieldType::Text, false, [](const Offer &o) -> Cell { return o.host_name; }},
    {"gpu_model"_L1, FieldType::Text, false, [](const Offer &o) -> Cell { return o.gpu_model; }},
    {"gpu_memory_mb"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return o.gpu_memory_mb; }},
    {"gpus_total"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return qint64(o.gpus_total); }},
    {"gpus_free"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return qint64(o.gpus_free); }},
    {"cpu_cores"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return qint64(o.cpu_cores); }},
    {"ram_mb"_L1, FieldType::Integer, true, [](const Offer &o) -> Cell { return o.ram_mb; }},
    {"disk_free_gb"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return o.disk_free_gb; }},
    {"price_gpu_hour_micro"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return o.price_gpu_hour_micro; }},
    {"price_storage_gb_month_micro"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return o.price_storage_gb_month_micro; }},
    {"inet_down_mbps"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return qint64(o.inet_down_mbps); }},
    {"inet_up_mbps"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return qint64(o.inet_up_mbps); }},
    {"reliability"_L1, FieldType::Real, true, [](const Offer &o) -> Cell { return o.reliability; }},
    {"region"_L1, FieldType::Text, false, [](const Offer &o) -> Cell { return o.region; }},
    {"verified"_L1, FieldType::Bool, false, [](const Offer &o) -> Cell { return o.verified; }},
    {"interruptible"_L1, FieldType::Bool, false,
     [](const Offer &o) -> Cell { return o.interruptible; }},
    {"min_duration_s"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return o.min_duration_s; }},
    {"cuda_version"_L1, FieldType::Text, true,
     [](const Offer &o) -> Cell { return o.cuda_version; }},
    {"driver_version"_L1, FieldType::Text, true,
     [](const Offer &o) -> Cell { return o.driver_version; }},
    {"perf_tflops"_L1, FieldType::Real, true,
     [](const Offer &o) -> Cell {
         return o.perf_tflops ? Cell(*o.perf_tflops) : Cell(std::monostate());
     }},
    {"price_gpu_day_micro"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return present(o.price_gpu_day_micro); }},
    {"price_gpu_week_micro"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return present(o.price_gpu_week_micro); }},
    {"price_gpu_month_micro"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return present(o.price_gpu_month_micro); }},
    // What the agent measured (null until measured: matches no term, sorts last).
    {"net_down_mbps"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return present(o.net_down_mbps); }},
    {"net_up_mbps"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return present(o.net_up_mbps); }},
    {"disk_write_mbps"_L1, FieldType::Integer, true,
     [](const Offer &o) -> Cell { return present(o.disk_write_mbps); }},
}};
// clang-format on

enum class Unit
{
    Same,
    GbToMb,
    UnitsToMicro
};

struct Alias
{
    QLatin1StringView name;
    QLatin1StringView field;
    Unit unit;
};

constexpr std::array<Alias, 8> kAliases{{
    {"gpu"_L1, "gpu_model"_L1, Unit::Same},
    {"gpus"_L1, "gpus_free"_L1, Unit::Same},
    {"vram_gb"_L1, "gpu_memory_mb"_L1, Unit::GbToMb},
    {"ram_gb"_L1, "ram_mb"_L1, Unit::GbToMb},
    {"price"_L1, "price_gpu_hour_micro"_L1, Unit::UnitsToMicro},
    {"day_price"_L1, "price_gpu_day_micro"_L1, Unit::UnitsToMicro},
    {"week_price"_L1, "price_gpu_week_micro"_L1, Unit::UnitsToMicro},
    {"month_price"_L1, "price_gpu_month_micro"_L1, Unit::UnitsToMicro},
}};

constexpr int kMaxValues = 1000;
constexpr int kMaxDigits = 30;
constexpr qint64 kMaxExactInteger = qint64(1) << 53;

/// Fields an offer may lack (NULL in SQL): an unknown GPU's perf_tflops, a plan not offered.
bool nullable(const FieldInfo &field)
{
    return field.name == "perf_tflops"_L1 ||
           (field.name.startsWith("price_gpu_"_L1) && field.name != "price_gpu_hour_micro"_L1);
}

const FieldInfo *fieldInfo(const QString &name)
{
    for (const FieldInfo &field : kFields) {
        if (name == field.name)
            return &field;
    }
    return nullptr;
}

struct Resolved
{
    const FieldInfo *field = nullptr;
    Unit unit = Unit::Same;
};

/// A field or alias as a user may type it (case-insensitive).
Resolved resolve(const QString &typed)
{
    const QString name = typed.toLower();
    for (const Alias &alias : kAliases) {
        if (name == alias.name)
            return {fieldInfo(QString(alias.field)), alias.unit};
    }
    return {fieldInfo(name), Unit::Same};
}

/// ASCII-only lower case, exactly like SQLite's built-in lower().
QByteArray foldedUtf8(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    for (char &c : bytes) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return bytes;
}

/// Exact comparison of an integer column with a double literal (no rounding on either side).
std::partial_ordering compareIntegerWith(qint64 x, double v)
{
    if (std::isnan(v))
        return std::partial_ordering::unordered;
    if (v >= 9223372036854775808.0)
        return std::partial_ordering::less;
    if (v < -9223372036854775808.0)
        return std::partial_ordering::greater;
    const double whole = std::trunc(v);
    const auto w = static_cast<qint64>(whole);
    if (x != w)
        return x <=> w;
    return 0.0 <=> (v - whole);
}

/// Compares an offer's cell with a literal of the field's type; unordered for null or a
/// literal of the wrong type, which then matches nothing (SQL's NULL semantics).
std::partial_ordering compare(const Cell &cell, const Value &value)
{
    if (const auto *x = std::get_if<qint64>(&cell)) {
        if (const auto *v = std::get_if<double>(&value))
            return compareIntegerWith(*x, *v);
    } else if (const auto *x = std::get_if<double>(&cell)) {
        if (const auto *v = std::get_if<double>(&value))
            return *x <=> *v;
    } else if (const auto *x = std::get_if<bool>(&cell)) {
        if (const auto *v = std::get_if<bool>(&value))
            return int(*x) <=> int(*v);
    } else if (const auto *x = std::get_if<QString>(&cell)) {
        if (const auto *v = std::get_if<QString>(&value)) {
            const int c = foldedUtf8(*x).compare(foldedUtf8(*v));
            return c <=> 0;
        }
    }
    return std::partial_ordering::unordered;
}

bool isListOp(Op op)
{
    return op == Op::In || op == Op::NotIn;
}

bool isOrderingOp(Op op)
{
    return op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge;
}

bool valueFits(FieldType type, const Value &value)
{
    switch (type) {
    case FieldType::Integer:
    case FieldType::Real:
        return std::holds_alternative<double>(value);
    case FieldType::Bool:
        return std::holds_alternative<bool>(value);
    case FieldType::Text:
        return std::holds_alternative<QString>(value);
    }
    return false;
}

/// The known field of a well-formed condition, or null. A condition built by hand with an
/// unknown field, a wrong value type or a wrong value count matches nothing, in memory and in
/// SQL alike.
const FieldInfo *checkedField(const Condition &c)
{
    const FieldInfo *field = fieldInfo(c.field);
    if (!field || c.values.isEmpty() || c.values.size() > kMaxValues)
        return nullptr;
    if (!isListOp(c.op) && c.values.size() != 1)
        return nullptr;
    if (isOrderingOp(c.op) && !field->ordered)
        return nullptr;
    for (const Value &value : c.values) {
        if (!valueFits(field->type, value))
            return nullptr;
    }
    return field;
}

bool holds(const Condition &c, const Offer &offer)
{
    const FieldInfo *field = checkedField(c);
    if (!field)
        return false;
    const Cell cell = field->get(offer);
    const std::partial_ordering first = compare(cell, c.values.first());
    switch (c.op) {
    case Op::Eq:
        return first == 0;
    case Op::Ne:
        return first < 0 || first > 0;
    case Op::Lt:
        return first < 0;
    case Op::Le:
        return first <= 0;
    case Op::Gt:
        return first > 0;
    case Op::Ge:
        return first >= 0;
    case Op::In:
        for (const Value &value : c.values) {
            if (compare(cell, value) == 0)
                return true;
        }
        return false;
    case Op::NotIn:
        // SQL: x NOT IN (a, b) is x <> a AND x <> b; any unknown comparison makes it not true.
        for (const Value &value : c.values) {
            const std::partial_ordering order = compare(cell, value);
            if (order == 0 || order == std::partial_ordering::unordered)
                return false;
        }
        return true;
    }
    return false;
}

QVariant binding(FieldType type, const Value &value)
{
    if (const auto *number = std::get_if<double>(&value)) {
        // Integer columns get an integer parameter (PostgreSQL would reject 2.0 for BIGINT).
        if (type == FieldType::Integer && std::trunc(*number) == *number &&
            std::abs(*number) <= double(kMaxExactInteger)) {
            return QVariant(static_cast<qint64>(*number));
        }
        return QVariant(*number);
    }
    if (const auto *flag = std::get_if<bool>(&value))
        return QVariant(*flag);
    // Folded here rather than with lower(?) in SQL: PostgreSQL's lower() of a parameter follows
    // the database collation and may fold non-ASCII letters that lower(column) COLLATE "C" and
    // the in-memory comparison keep.
    return QVariant(QString::fromUtf8(foldedUtf8(std::get<QString>(value))));
}

QString sqlOperator(Op op)
{
    switch (op) {
    case Op::Eq:
        return u"="_s;
    case Op::Ne:
        return u"<>"_s;
    case Op::Lt:
        return u"<"_s;
    case Op::Le:
        return u"<="_s;
    case Op::Gt:
        return u">"_s;
    case Op::Ge:
        return u">="_s;
    case Op::In:
        return u"IN"_s;
    case Op::NotIn:
        return u"NOT IN"_s;
    }
    return {};
}

/// Orders two offers by one field; absent values (null perf_tflops, plan prices) go last whatever
/// the direction. Text orders by UTF-8 bytes as SQLite's BINARY collation does.
std::partial_ordering compareBy(const FieldInfo &field, const Offer &a, const Offer &b,
                                bool descending)
{
    const Cell x = field.get(a);
    const Cell y = field.get(b);
    const bool xNull = std::holds_alternative<std::monostate>(x);
    const bool yNull = std::holds_alternative<std::monostate>(y);
    if (xNull || yNull)
        return xNull <=> yNull; // false < true: the present value first
    std::partial_ordering order = std::partial_ordering::equivalent;
    if (const auto *i = std::get_if<qint64>(&x))
        order = *i <=> std::get<qint64>(y);
    else if (const auto *d = std::get_if<double>(&x))
        order = *d <=> std::get<double>(y);
    else if (const auto *f = std::get_if<bool>(&x))
        order = int(*f) <=> int(std::get<bool>(y));
    else if (const auto *s = std::get_if<QString>(&x))
        order = s->toUtf8().compare(std::get<QString>(y).toUtf8()) <=> 0;
    if (descending)
        return 0 <=> order;
    return order;
}

/// Reads a query left to right. Positions are QString (UTF-16) indexes into the text.
class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {}

    Result<Query> parse()
    {
        Query query;
        int valueCount = 0;
        skipSpaces();
        while (!atEnd()) {
            Result<Condition> condition = term();
            if (!condition)
                return condition.error();
            valueCount += int(condition->values.size());
            if (valueCount > kMaxValues) {
                return error(u"too many values in the query (at most %1)"_s.arg(kMaxValues),
                             QString(), condition->position);
            }
            query.conditions.append(std::move(condition).value());
            skipSpaces();
        }
        return query;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }

    void skipSpaces()
    {
        while (!atEnd() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    static Error error(const QString &what, const QString &field, qsizetype position)
    {
        return Error{u"invalid_query"_s, u"%1 at %2"_s.arg(what).arg(position), field,
                     int(position)};
    }

    /// Reads a run of characters up to white space or one of `stops`.
    QString run(QLatin1StringView stops)
    {
        const qsizetype start = m_pos;
        while (!atEnd() && !m_text.at(m_pos).isSpace() && !stops.contains(m_text.at(m_pos)))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    Result<Condition> term()
    {
        Condition condition;
        condition.position = int(m_pos);
        const QString typed = run("=!<>["_L1);
        if (typed.isEmpty())
            return error(u"expected a field name"_s, QString(), m_pos);
        const Resolved resolved = resolve(typed);
        if (!resolved.field)
            return error(u"unknown field '%1'"_s.arg(typed), typed, condition.position);
        condition.field = QString(resolved.field->name);
        condition.type = resolved.field->type;

        skipSpaces();
        const qsizetype opPosition = m_pos;
        const std::optional<Op> op = readOperator();
        if (!op) {
            if (atEnd())
                return error(u"missing operator after '%1'"_s.arg(typed), typed, m_pos);
            return error(u"expected an operator (= != < <= > >= in notin) after '%1'"_s.arg(typed),
                         typed, opPosition);
        }
        condition.op = *op;
        if (isOrderingOp(*op) && !resolved.field->ordered) {
            return error(
                u"'%1' cannot be compared with < <= > >=, only with = != in notin"_s.arg(typed),
                typed, opPosition);
        }

        skipSpaces();
        if (atEnd())
            return error(u"missing value for '%1'"_s.arg(typed), typed, m_pos);
        if (isListOp(*op)) {
            if (peek() != u'[')
                return error(u"'%1' needs a list like [a,b]"_s.arg(typed), typed, m_pos);
            Result<QList<Value>> values = list(typed, resolved);
            if (!values)
                return values.error();
            condition.values = std::move(values).value();
            return condition;
        }
        if (peek() == u'[')
            return error(u"a list [a,b] for '%1' needs in or notin"_s.arg(typed), typed, m_pos);
        const qsizetype valuePosition = m_pos;
        Result<Value> value = convert(run({}), valuePosition, typed, resolved);
        if (!value)
            return value.error();
        condition.values.append(std::move(value).value());
        return condition;
    }

    std::optional<Op> readOperator()
    {
        const QChar c = peek();
        const QChar next = m_pos + 1 < m_text.size() ? m_text.at(m_pos + 1) : QChar();
        auto take = [this](int length, Op op) {
            m_pos += length;
            return op;
        };
        if (c == u'=')
            return take(1, Op::Eq);
        if (c == u'!')
            return next == u'=' ? std::optional(take(2, Op::Ne)) : std::nullopt;
        if (c == u'<')
            return next == u'=' ? take(2, Op::Le) : take(1, Op::Lt);
        if (c == u'>')
            return next == u'=' ? take(2, Op::Ge) : take(1, Op::Gt);
        const qsizetype start = m_pos;
        const QString word = run("["_L1).toLower();
        if (word == "in"_L1)
            return Op::In;
        if (word == "notin"_L1)
            return Op::NotIn;
        m_pos = start;
        return std::nullopt;
    }

    Result<QList<Value>> list(const QString &typed, const Resolved &resolved)
    {
        const qsizetype open = m_pos;
        ++m_pos; // '['
        QList<Value> values;
        while (true) {
            skipSpaces();
            if (atEnd())
                return error(u"unterminated list for '%1'"_s.arg(typed), typed, open);
            if (peek() == u']' && values.isEmpty())
                return error(u"empty list for '%1'"_s.arg(typed), typed, open);
            const qsizetype itemPosition = m_pos;
            const QString item = run(",]"_L1);
            if (item.isEmpty())
                return error(u"missing value in the list for '%1'"_s.arg(typed), typed, m_pos);
            Result<Value> value = convert(item, itemPosition, typed, resolved);
            if (!value)
                return value.error();
            if (values.size() >= kMaxValues) {
                return error(u"too many values in the query (at most %1)"_s.arg(kMaxValues), typed,
                             itemPosition);
            }
            values.append(std::move(value).value());
            skipSpaces();
            if (atEnd())
                return error(u"unterminated list for '%1'"_s.arg(typed), typed, open);
            if (peek() == u']') {
                ++m_pos;
                break;
            }
            if (peek() != u',')
                return error(u"expected ',' or ']' in the list for '%1'"_s.arg(typed), typed,
                             m_pos);
            ++m_pos;
        }
        if (!atEnd() && !peek().isSpace())
            return error(u"expected a space after the list for '%1'"_s.arg(typed), typed, m_pos);
        return values;
    }

    static bool isValueChar(char32_t c)
    {
        return QChar::isLetterOrNumber(c) || QChar::isMark(c) || c == U'.' || c == U'-' ||
               c == U'_';
    }

    /// Checks the characters of a value and converts it to the field's type and unit.
    Result<Value> convert(const QString &text, qsizetype position, const QString &typed,
                          const Resolved &resolved) const
    {
        for (qsizetype i = 0; i < text.size(); ++i) {
            char32_t c = text.at(i).unicode();
            qsizetype width = 1;
            if (text.at(i).isHighSurrogate() && i + 1 < text.size() &&
                text.at(i + 1).isLowSurrogate()) {
                c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
                width = 2;
            }
            if (!isValueChar(c)) {
                return error(u"unexpected character '%1' in the value for '%2'"_s.arg(
                                 text.mid(i, width), typed),
                             typed, position + i);
            }
            i += width - 1;
        }
        auto bad = [&](const QString &why) {
            return error(u"bad value '%1' for '%2' (%3)"_s.arg(text, typed, why), typed, position);
        };
        switch (resolved.field->type) {
        case FieldType::Text:
            return Value(QString(text).replace(u'_', u' '));
        case FieldType::Bool: {
            const QString lower = text.toLower();
            if (lower == "true"_L1 || lower == "false"_L1)
                return Value(lower == "true"_L1);
            return bad(u"expected true or false"_s);
        }
        case FieldType::Real:
        case FieldType::Integer:
            break;
        }
        const std::optional<Decimal> decimal = Decimal::parse(text);
        if (!decimal)
            return bad(u"expected a number like 2 or 1.5"_s);
        if (resolved.field->type == FieldType::Real)
            return Value(text.toDouble());
        const std::optional<qint64> integer = decimal->toInteger(resolved.unit);
        if (!integer) {
            if (resolved.unit == Unit::UnitsToMicro)
                return bad(u"at most 6 decimal places"_s);
            return bad(u"expected a whole number"_s);
        }
        if (*integer > kMaxExactInteger || *integer < -kMaxExactInteger)
            return bad(u"out of range"_s);
        return Value(double(*integer));
    }

    /// A decimal literal as an exact fraction mantissa / 10^scale.
    struct Decimal
    {
        bool negative = false;
        Int128 mantissa = 0;
        int scale = 0;

        static std::optional<Decimal> parse(const QString &text)
        {
            Decimal d;
            qsizetype i = 0;
            if (i < text.size() && text.at(i) == u'-') {
                d.negative = true;
                ++i;
            }
            int digits = 0;
            int intDigits = 0;
            bool point = false;
            for (; i < text.size(); ++i) {
                const char16_t c = text.at(i).unicode();
                if (c == u'.' && !point && intDigits > 0) {
                    point = true;
                    continue;
                }
                if (c < u'0' || c > u'9' || ++digits > kMaxDigits)
                    return std::nullopt;
                d.mantissa = d.mantissa * 10 + (c - u'0');
                if (point)
                    ++d.scale;
                else
                    ++intDigits;
            }
            if (intDigits == 0 || (point && d.scale == 0))
                return std::nullopt;
            return d;
        }

        /// The value × the unit's factor, exactly; nullopt when that is not an integer (for
        /// GB → MB: rounded to the nearest, halves away from zero).
        std::optional<qint64> toInteger(Unit unit) const
        {
            const Int128 factor = unit == Unit::GbToMb         ? 1024
                                  : unit == Unit::UnitsToMicro ? 1'000'000
                                                               : 1;
            Int128 denominator = 1;
            for (int i = 0; i < scale; ++i)
                denominator *= 10;
            const Int128 numerator = mantissa * factor; // < 10^30 * 10^6: no overflow
            Int128 quotient = numerator / denominator;
            const Int128 remainder = numerator % denominator;
            if (remainder != 0) {
                if (unit != Unit::GbToMb)
                    return std::nullopt;
                if (remainder * 2 >= denominator)
                    ++quotient;
            }
            if (quotient > kMaxExactInteger)
                quotient = kMaxExactInteger + 1; // the caller reports "out of range"
            return static_cast<qint64>(negative ? -quotient : quotient);
        }
    };

    const QString &m_text;
    qsizetype m_pos = 0;
};

} // namespace

Result<Query> parse(const QString &text)
{
    return Parser(text).parse();
}

Result<QList<OrderKey>> parseOrder(const QString &text)
{
    QList<OrderKey> keys;
    qsizetype start = 0;
    if (text.trimmed().isEmpty())
        return keys;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u',', start);
        if (end < 0)
            end = text.size();
        qsizetype first = start;
        while (first < end && text.at(first).isSpace())
            ++first;
        qsizetype last = end;
        while (last > first && text.at(last - 1).isSpace())
            --last;
        OrderKey key;
        qsizetype nameStart = first;
        if (nameStart < last && text.at(nameStart) == u'-') {
            key.descending = true;
            ++nameStart;
        }
        const QString typed = text.mid(nameStart, last - nameStart);
        if (typed.isEmpty()) {
            return Error{u"invalid_order"_s, u"missing field name in order at %1"_s.arg(first),
                         QString(), int(first)};
        }
        const Resolved resolved = resolve(typed);
        if (!resolved.field) {
            return Error{u"invalid_order"_s,
                         u"unknown order field '%1' at %2"_s.arg(typed).arg(nameStart), typed,
                         int(nameStart)};
        }
        key.field = QString(resolved.field->name);
        // A repeated field cannot change the order any more: the first one wins.
        const bool repeated = std::any_of(keys.cbegin(), keys.cend(),
                                          [&](const OrderKey &k) { return k.field == key.field; });
        if (!repeated)
            keys.append(key);
        start = end + 1;
    }
    return keys;
}

bool matches(const Query &query, const Offer &offer)
{
    return std::all_of(query.conditions.cbegin(), query.conditions.cend(),
                       [&](const Condition &c) { return holds(c, offer); });
}

bool lessThan(const QList<OrderKey> &order, const Offer &a, const Offer &b)
{
    for (const OrderKey &key : order) {
        const FieldInfo *field = fieldInfo(key.field);
        if (!field)
            continue;
        const std::partial_ordering c = compareBy(*field, a, b, key.descending);
        if (c < 0)
            return true;
        if (c > 0)
            return false;
    }
    return a.id < b.id;
}

SqlFragment toSql(const Query &query, const QList<OrderKey> &order)
{
    SqlFragment sql;
    QStringList terms;
    for (const Condition &c : query.conditions) {
        const FieldInfo *field = checkedField(c);
        if (!field) {
            terms.append(u"1=0"_s); // matches() says false for it too
            continue;
        }
        const bool text = field->type == FieldType::Text;
        const QString column = text ? u"lower(%1)"_s.arg(field->name) : QString(field->name);
        for (const Value &value : c.values)
            sql.bindings.append(binding(field->type, value));
        if (isListOp(c.op)) {
            const QString placeholders = QStringList(c.values.size(), u"?"_s).join(u',');
            terms.append(u"%1 %2 (%3)"_s.arg(column, sqlOperator(c.op), placeholders));
        } else {
            terms.append(u"%1 %2 ?"_s.arg(column, sqlOperator(c.op)));
        }
    }
    sql.where = terms.isEmpty() ? u"1=1"_s : terms.join(" AND "_L1);

    QStringList keys;
    for (const OrderKey &key : order) {
        const FieldInfo *field = fieldInfo(key.field);
        if (!field)
            continue;
        const QString direction = key.descending ? u"DESC"_s : u"ASC"_s;
        // "(col IS NULL)" first: NULLs last in both directions on SQLite and PostgreSQL alike
        // (PostgreSQL sorts NULLs first in DESC, SQLite first in ASC).
        if (nullable(*field))
            keys.append(u"(%1 IS NULL) ASC"_s.arg(field->name));
        keys.append(u"%1 %2"_s.arg(field->name, direction));
    }
    keys.append(u"id ASC"_s);
    sql.orderBy = keys.join(u", "_s);
    return sql;
}

QStringList knownFields()
{
    QStringList names;
    for (const FieldInfo &field : kFields)
        names.append(QString(field.name));
    for (const Alias &alias : kAliases)
        names.append(QString(alias.name));
    return names;
}

} // namespace suanli::protocol::query
