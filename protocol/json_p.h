#pragma once

// Private to protocol/json*.cpp: the encoder and the decoder that every wire type's field list
// (wirefields_p.h) is run through. The conventions on numbers, nulls and times are json.cpp's.

#include "json.h"
#include "wirefields_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <limits>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace suanli::protocol::detail {

using namespace Qt::Literals::StringLiterals;

template <typename T> struct IsOptional : std::false_type
{
};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type
{
};
template <typename T> struct IsList : std::false_type
{
};
template <typename T> struct IsList<QList<T>> : std::true_type
{
};

/// A type with a field list in wirefields_p.h: a JSON object on the wire.
template <typename T>
concept Described = requires(T &value)
{
    fields(value, [](auto &&...) {});
};

/// A message or event: a described type with a "type" value.
template <typename T>
concept Message = Described<T> && requires
{
    MessageType<T>::name;
};

inline QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

inline QJsonValue timeValue(const QDateTime &time)
{
    const QString text = formatTime(time);
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// ---- encoder ----------------------------------------------------------------------------------

template <Described T> QJsonObject encodeObject(const T &value);

template <typename T> QJsonValue encodeValue(const T &value)
{
    if constexpr (std::is_arithmetic_v<T> || std::is_same_v<T, QString>) {
        return QJsonValue(value);
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        return timeValue(value);
    } else if constexpr (std::is_enum_v<T>) {
        return toString(value); // the state or action's wire name (types.cpp)
    } else if constexpr (std::is_same_v<T, QMap<QString, QString>>) {
        QJsonObject json;
        for (auto it = value.constBegin(); it != value.constEnd(); ++it)
            json.insert(it.key(), it.value());
        return json;
    } else if constexpr (IsList<T>::value) {
        QJsonArray array;
        for (const auto &element : value)
            array.append(encodeValue(element));
        return array;
    } else {
        return encodeObject(value);
    }
}

/// The visitor that writes each field of a field list into one object.
class Writer
{
public:
    explicit Writer(QJsonObject &json)
        : m_json(json)
    {}

    template <typename T>
    requires(!IsOptional<T>::value) void operator()(QLatin1StringView name, const T &value,
                                                    Need = Need::Optional)
    {
        m_json.insert(name, encodeValue(value));
    }

    template <typename T, EmptyKind K = EmptyKind::Null>
    void operator()(QLatin1StringView name, const std::optional<T> &value, EmptyTag<K> = {})
    {
        if (value)
            m_json.insert(name, encodeValue(*value));
        else if constexpr (K == EmptyKind::Null || K == EmptyKind::Kept)
            m_json.insert(name, QJsonValue(QJsonValue::Null));
    }

private:
    QJsonObject &m_json;
};

template <Described T> QJsonObject encodeObject(const T &value)
{
    QJsonObject json;
    if constexpr (Message<T>)
        json.insert(kTypeField, QString(MessageType<T>::name));
    fields(value, Writer(json));
    return json;
}

// ---- decoder ----------------------------------------------------------------------------------

/// Where a decoder reads: a message from the agent, or anything else (Need::FromAgent).
enum class Source
{
    Other,
    Agent
};

template <Described T>
Result<T> decodeObject(const QJsonObject &json, const QString &path = {},
                       Source source = Source::Other, T value = {});

/// The visitor that reads each field of a field list from one JSON object. The first error
/// wins and later reads become no-ops, so a decoder is its field list followed by one check.
class Reader
{
public:
    Reader(QJsonObject object, QString path, Source source)
        : m_object(std::move(object))
        , m_path(std::move(path))
        , m_source(source)
    {}

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

    QString pathOf(QLatin1StringView name) const
    {
        return m_path.isEmpty() ? QString(name) : m_path + u'.' + name;
    }

    template <typename T>
    requires(!IsOptional<T>::value) void operator()(QLatin1StringView name, T &out,
                                                    Need need = Need::Optional)
    {
        if (need == Need::FromAgent)
            need = m_source == Source::Agent ? Need::Required : Need::Optional;
        read(name, out, need);
    }

    template <typename T, EmptyKind K = EmptyKind::Null>
    void operator()(QLatin1StringView name, std::optional<T> &out, EmptyTag<K> = {})
    {
        if constexpr (K == EmptyKind::Unset) {
            // Present means "set to this": a value of the type, never null.
            if (!m_object.contains(name))
                return;
            T value{};
            read(name, value, Need::Required);
            out = value;
        } else if constexpr (K == EmptyKind::Kept) {
            // Missing keeps what the base had; null empties it.
            if (m_object.contains(name))
                readNullable(name, out);
        } else {
            readNullable(name, out);
        }
    }

    void fail(const QString &code, const QString &field, const QString &message)
    {
        if (ok())
            m_error = Error{code, message, field, -1};
    }

private:
    void read(QLatin1StringView name, qint64 &out, Need need)
    {
        if (const auto value = take(name, need))
            elementValue(*value, pathOf(name), out);
    }

    void read(QLatin1StringView name, int &out, Need need)
    {
        qint64 wide = out;
        read(name, wide, need);
        if (!ok())
            return;
        if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
            wrongType(pathOf(name), u"a 32-bit integer"_s, m_object.value(name));
            return;
        }
        out = static_cast<int>(wide);
    }

    void read(QLatin1StringView name, double &out, Need need)
    {
        if (const auto value = take(name, need)) {
            if (!value->isDouble())
                return wrongType(pathOf(name), u"a number"_s, *value);
            out = value->toDouble();
        }
    }

    void read(QLatin1StringView name, bool &out, Need need)
    {
        if (const auto value = take(name, need)) {
            if (!value->isBool())
                return wrongType(pathOf(name), u"a boolean"_s, *value);
            out = value->toBool();
        }
    }

    void read(QLatin1StringView name, QString &out, Need need)
    {
        if (const auto value = take(name, need))
            elementValue(*value, pathOf(name), out);
    }

    /// A nullable time: null leaves an invalid QDateTime.
    void read(QLatin1StringView name, QDateTime &out, Need need)
    {
        const auto value = take(name, need);
        if (!value)
            return;
        if (value->isNull()) {
            out = QDateTime();
            return;
        }
        const QString expected = u"an ISO 8601 time string or null"_s;
        if (!value->isString())
            return wrongType(pathOf(name), expected, *value);
        QDateTime parsed = QDateTime::fromString(value->toString(), Qt::ISODateWithMs);
        if (parsed.isValid() && parsed.timeSpec() == Qt::LocalTime)
            parsed.setTimeZone(QTimeZone::utc()); // no offset given: UTC, not local time
        parsed = parsed.toUTC();
        if (!parsed.isValid() || parsed.date().year() < 1 || parsed.date().year() > 9999) {
            return fail(u"invalid_type"_s, pathOf(name),
                        u"field '%1' must be %2, got '%3'"_s.arg(pathOf(name), expected,
                                                                 value->toString().left(64)));
        }
        out = parsed;
    }

    void read(QLatin1StringView name, InstanceState &out, Need need)
    {
        QString text;
        read(name, text, need);
        if (!ok() || !m_object.contains(name))
            return;
        if (const auto parsed = instanceStateFromString(text)) {
            out = *parsed;
            return;
        }
        fail(u"invalid_type"_s, pathOf(name),
             u"field '%1' must be an instance state (pending, provisioning, running, stopping, "
             "stopped, starting, destroying, destroyed, failed, interrupted), got '%2'"_s.arg(
                 pathOf(name), text.left(64)));
    }

    void read(QLatin1StringView name, CommandAction &out, Need need)
    {
        QString text;
        read(name, text, need);
        if (!ok() || !m_object.contains(name))
            return;
        if (const auto parsed = commandActionFromString(text)) {
            out = *parsed;
            return;
        }
        fail(u"invalid_type"_s, pathOf(name),
             u"field '%1' must be a command action (create, start, stop, destroy), got '%2'"_s.arg(
                 pathOf(name), text.left(64)));
    }

    /// A JSON object of strings, e.g. the environment of an instance.
    void read(QLatin1StringView name, QMap<QString, QString> &out, Need need)
    {
        const auto value = take(name, need);
        if (!value)
            return;
        if (!value->isObject())
            return wrongType(pathOf(name), u"an object of strings"_s, *value);
        QMap<QString, QString> result;
        const QJsonObject object = value->toObject();
        for (auto it = object.constBegin(); it != object.constEnd() && ok(); ++it)
            elementValue(it.value(), pathOf(name) + u'.' + it.key(), result[it.key()]);
        if (ok())
            out = std::move(result);
    }

    /// An array of strings, integers or objects; an element's error names it "name[i]".
    template <typename T> void read(QLatin1StringView name, QList<T> &out, Need need)
    {
        const auto value = take(name, need);
        if (!value)
            return;
        if (!value->isArray())
            return wrongType(pathOf(name), u"an array"_s, *value);
        const QJsonArray array = value->toArray();
        QList<T> result;
        result.reserve(array.size());
        for (qsizetype i = 0; i < array.size() && ok(); ++i) {
            T element{};
            elementValue(array.at(i), pathOf(name) + u'[' + QString::number(i) + u']', element);
            result.append(std::move(element));
        }
        if (ok())
            out = std::move(result);
    }

    /// A nested object.
    template <Described T> void read(QLatin1StringView name, T &out, Need need)
    {
        if (const auto value = take(name, need))
            elementValue(*value, pathOf(name), out);
    }

    /// A nullable number: null or missing leaves nullopt.
    void readNullable(QLatin1StringView name, std::optional<double> &out)
    {
        const auto value = take(name, Need::Optional);
        if (!value || value->isNull())
            return;
        if (!value->isDouble())
            return wrongType(pathOf(name), u"a number or null"_s, *value);
        out = value->toDouble();
    }

    /// A nullable integer: null or missing leaves nullopt.
    void readNullable(QLatin1StringView name, std::optional<qint64> &out)
    {
        const auto value = take(name, Need::Optional);
        if (!value || value->isNull()) {
            out.reset();
            return;
        }
        qint64 decoded = 0;
        elementValue(*value, pathOf(name), decoded);
        if (ok())
            out = decoded;
    }

    /// A nullable string: null or missing leaves nullopt.
    void readNullable(QLatin1StringView name, std::optional<QString> &out)
    {
        const auto value = take(name, Need::Optional);
        if (!value || value->isNull()) {
            out.reset();
            return;
        }
        if (!value->isString())
            return wrongType(pathOf(name), u"a string or null"_s, *value);
        out = value->toString();
    }

    /// A nested object that may be null or missing (nullopt).
    template <Described T> void readNullable(QLatin1StringView name, std::optional<T> &out)
    {
        const auto value = take(name, Need::Optional);
        if (!value || value->isNull()) {
            out.reset();
            return;
        }
        if (!value->isObject())
            return wrongType(pathOf(name), u"an object or null"_s, *value);
        T decoded{};
        elementValue(*value, pathOf(name), decoded);
        if (ok())
            out = std::move(decoded);
    }

    /// The field's value when it is present and no error has happened yet.
    std::optional<QJsonValue> take(QLatin1StringView name, Need need)
    {
        if (!ok())
            return std::nullopt;
        const auto it = m_object.constFind(name);
        if (it == m_object.constEnd()) {
            if (need == Need::Required) {
                fail(u"missing_field"_s, pathOf(name),
                     u"missing required field '%1'"_s.arg(pathOf(name)));
            }
            return std::nullopt;
        }
        return it.value();
    }

    void wrongType(const QString &path, const QString &expected, const QJsonValue &got)
    {
        fail(u"invalid_type"_s, path,
             u"field '%1' must be %2, got %3"_s.arg(path, expected, describe(got)));
    }

    void elementValue(const QJsonValue &value, const QString &path, qint64 &out)
    {
        // toInteger() answers its default unless the number is integral and fits in qint64;
        // asking with two defaults tells a real value from the fallback.
        const qint64 a = value.toInteger(0);
        const qint64 b = value.toInteger(1);
        if (!value.isDouble() || a != b)
            return wrongType(path, u"an integer"_s, value);
        out = a;
    }

    void elementValue(const QJsonValue &value, const QString &path, QString &out)
    {
        if (!value.isString())
            return wrongType(path, u"a string"_s, value);
        out = value.toString();
    }

    template <Described T> void elementValue(const QJsonValue &value, const QString &path, T &out)
    {
        if (!value.isObject())
            return wrongType(path, u"an object"_s, value);
        Result<T> decoded = decodeObject<T>(value.toObject(), path, m_source);
        if (!decoded)
            return fail(decoded.error().code, decoded.error().field, decoded.error().message);
        out = std::move(decoded).value();
    }

    QJsonObject m_object;
    QString m_path;
    Source m_source;
    std::optional<Error> m_error;
};

template <Described T>
Result<T> decodeObject(const QJsonObject &json, const QString &path, Source source, T value)
{
    Reader reader(json, path, source);
    fields(value, reader);
    if (!reader.ok())
        return reader.error();
    return value;
}

/// The alternative of `Variant` from alternative I on whose MessageType is `type`.
template <typename Variant, std::size_t I = 0>
Result<Variant> decodeAlternative(const QJsonObject &json, const QString &type, Source source)
{
    if constexpr (I == std::variant_size_v<Variant>) {
        return Error{u"unknown_type"_s, u"unknown message type '%1'"_s.arg(type.left(64)),
                     QString(kTypeField), -1};
    } else {
        using T = std::variant_alternative_t<I, Variant>;
        if (type != MessageType<T>::name)
            return decodeAlternative<Variant, I + 1>(json, type, source);
        Result<T> decoded = decodeObject<T>(json, QString(), source);
        if (!decoded)
            return decoded.error();
        return Variant(std::move(decoded).value());
    }
}

/// Decodes one message of `Variant` by its "type".
template <typename Variant> Result<Variant> decodeMessage(const QJsonObject &json, Source source)
{
    QString type;
    Reader reader(json, QString(), source);
    reader(kTypeField, type, Need::Required);
    if (!reader.ok())
        return reader.error();
    return decodeAlternative<Variant>(json, type, source);
}

template <typename Variant> QJsonObject encodeMessage(const Variant &message)
{
    return std::visit([](const auto &m) { return encodeObject(m); }, message);
}

} // namespace suanli::protocol::detail
