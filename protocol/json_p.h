#pragma once

// Private to protocol/json*.cpp: the field reader every decoder is written with, and the
// codecs of nested types that both the data types (json.cpp) and the messages
// (json_messages.cpp) use.

#include "json.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <limits>
#include <optional>

namespace suanli::protocol::detail {

using namespace Qt::Literals::StringLiterals;

enum class Need
{
    Optional,
    Required
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

/// Reads the fields of one JSON object into a struct. The first error wins and later reads
/// become no-ops, so a decoder is a flat list of reads followed by one check.
class Reader
{
public:
    Reader(QJsonObject object, QString path)
        : m_object(std::move(object))
        , m_path(std::move(path))
    {}

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

    QString pathOf(QLatin1StringView name) const
    {
        return m_path.isEmpty() ? QString(name) : m_path + u'.' + name;
    }

    void integer(QLatin1StringView name, qint64 &out, Need need = Need::Optional)
    {
        if (const auto value = take(name, need))
            integerValue(*value, pathOf(name), out);
    }

    void integer(QLatin1StringView name, int &out, Need need = Need::Optional)
    {
        qint64 wide = out;
        integer(name, wide, need);
        if (!ok())
            return;
        if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
            wrongType(pathOf(name), u"a 32-bit integer"_s, m_object.value(name));
            return;
        }
        out = static_cast<int>(wide);
    }

    void real(QLatin1StringView name, double &out, Need need = Need::Optional)
    {
        if (const auto value = take(name, need)) {
            if (!value->isDouble())
                return wrongType(pathOf(name), u"a number"_s, *value);
            out = value->toDouble();
        }
    }

    /// A nullable number: null or missing leaves nullopt.
    void real(QLatin1StringView name, std::optional<double> &out)
    {
        const auto value = take(name, Need::Optional);
        if (!value || value->isNull())
            return;
        if (!value->isDouble())
            return wrongType(pathOf(name), u"a number or null"_s, *value);
        out = value->toDouble();
    }

    void boolean(QLatin1StringView name, bool &out, Need need = Need::Optional)
    {
        if (const auto value = take(name, need)) {
            if (!value->isBool())
                return wrongType(pathOf(name), u"a boolean"_s, *value);
            out = value->toBool();
        }
    }

    void string(QLatin1StringView name, QString &out, Need need = Need::Optional)
    {
        if (const auto value = take(name, need))
            stringValue(*value, pathOf(name), out);
    }

    /// A nullable time: null leaves an invalid QDateTime.
    void time(QLatin1StringView name, QDateTime &out)
    {
        const auto value = take(name, Need::Optional);
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

    void state(QLatin1StringView name, InstanceState &out, Need need = Need::Optional)
    {
        QString text;
        string(name, text, need);
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

    void action(QLatin1StringView name, CommandAction &out, Need need = Need::Optional)
    {
        QString text;
        string(name, text, need);
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

    void stringList(QLatin1StringView name, QStringList &out, Need need = Need::Optional)
    {
        eachElement(
            name, need,
            [&](const QJsonValue &element, const QString &path) {
                QString text;
                stringValue(element, path, text);
                return text;
            },
            out);
    }

    void integerList(QLatin1StringView name, QList<qint64> &out, Need need = Need::Optional)
    {
        eachElement(
            name, need,
            [&](const QJsonValue &element, const QString &path) {
                qint64 number = 0;
                integerValue(element, path, number);
                return number;
            },
            out);
    }

    /// A JSON object of strings, e.g. the environment of an instance.
    void stringMap(QLatin1StringView name, QMap<QString, QString> &out, Need need = Need::Optional)
    {
        const auto value = take(name, need);
        if (!value)
            return;
        if (!value->isObject())
            return wrongType(pathOf(name), u"an object of strings"_s, *value);
        QMap<QString, QString> result;
        const QJsonObject object = value->toObject();
        for (auto it = object.constBegin(); it != object.constEnd() && ok(); ++it)
            stringValue(it.value(), pathOf(name) + u'.' + it.key(), result[it.key()]);
        if (ok())
            out = std::move(result);
    }

    /// A nested object decoded by `decode(object, path)`.
    template <typename T, typename Decode>
    void object(QLatin1StringView name, T &out, Decode decode, Need need = Need::Optional)
    {
        if (const auto value = take(name, need))
            objectValue(*value, pathOf(name), out, decode);
    }

    /// A nested object that may be null or missing (nullopt).
    template <typename T, typename Decode>
    void nullableObject(QLatin1StringView name, std::optional<T> &out, Decode decode)
    {
        const auto value = take(name, Need::Optional);
        if (!value || value->isNull()) {
            out.reset();
            return;
        }
        if (!value->isObject())
            return wrongType(pathOf(name), u"an object or null"_s, *value);
        T decoded{};
        objectValue(*value, pathOf(name), decoded, decode);
        if (ok())
            out = std::move(decoded);
    }

    template <typename T, typename Decode>
    void objectList(QLatin1StringView name, QList<T> &out, Decode decode,
                    Need need = Need::Optional)
    {
        eachElement(
            name, need,
            [&](const QJsonValue &element, const QString &path) {
                T decoded{};
                objectValue(element, path, decoded, decode);
                return decoded;
            },
            out);
    }

    void fail(const QString &code, const QString &field, const QString &message)
    {
        if (ok())
            m_error = Error{code, message, field, -1};
    }

private:
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

    void integerValue(const QJsonValue &value, const QString &path, qint64 &out)
    {
        // toInteger() answers its default unless the number is integral and fits in qint64;
        // asking with two defaults tells a real value from the fallback.
        const qint64 a = value.toInteger(0);
        const qint64 b = value.toInteger(1);
        if (!value.isDouble() || a != b)
            return wrongType(path, u"an integer"_s, value);
        out = a;
    }

    void stringValue(const QJsonValue &value, const QString &path, QString &out)
    {
        if (!value.isString())
            return wrongType(path, u"a string"_s, value);
        out = value.toString();
    }

    template <typename T, typename Decode>
    void objectValue(const QJsonValue &value, const QString &path, T &out, Decode decode)
    {
        if (!value.isObject())
            return wrongType(path, u"an object"_s, value);
        Result<T> decoded = decode(value.toObject(), path);
        if (!decoded)
            return fail(decoded.error().code, decoded.error().field, decoded.error().message);
        out = std::move(decoded).value();
    }

    template <typename T, typename Element>
    void eachElement(QLatin1StringView name, Need need, Element element, QList<T> &out)
    {
        const auto value = take(name, need);
        if (!value)
            return;
        if (!value->isArray())
            return wrongType(pathOf(name), u"an array"_s, *value);
        const QJsonArray array = value->toArray();
        QList<T> result;
        result.reserve(array.size());
        for (qsizetype i = 0; i < array.size() && ok(); ++i)
            result.append(element(array.at(i), pathOf(name) + u'[' + QString::number(i) + u']'));
        if (ok())
            out = std::move(result);
    }

    QJsonObject m_object;
    QString m_path;
    std::optional<Error> m_error;
};

template <typename T> Result<T> finish(const Reader &reader, T value)
{
    if (!reader.ok())
        return reader.error();
    return value;
}

// ---- nested types (json.cpp) ------------------------------------------------------------

template <typename T>
QJsonValue nullable(const std::optional<T> &value, QJsonObject (*encode)(const T &))
{
    return value ? QJsonValue(encode(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonObject sshToJson(const SshEndpoint &ssh);
Result<SshEndpoint> decodeSsh(const QJsonObject &json, const QString &path);
QJsonObject jupyterToJson(const JupyterEndpoint &jupyter);
Result<JupyterEndpoint> decodeJupyter(const QJsonObject &json, const QString &path);
QJsonObject gpuInfoToJson(const GpuInfo &gpu);
Result<GpuInfo> decodeGpuInfo(const QJsonObject &json, const QString &path);
QJsonObject envToJson(const QMap<QString, QString> &env);
QJsonObject gpuSampleToJson(const GpuSample &gpu);
Result<GpuSample> decodeGpuSample(const QJsonObject &json, const QString &path);
Result<TelemetrySample> decodeTelemetrySample(const QJsonObject &json, const QString &path,
                                              Need idsRequired);
Result<HostListing> decodeHostListing(const QJsonObject &json, const QString &path,
                                      const HostListing &base);
Result<HostListing> decodeListingOnDefault(const QJsonObject &json, const QString &path);
Result<TelemetrySample> decodeSampleLenient(const QJsonObject &json, const QString &path);
Result<TelemetrySample> decodeSampleStrict(const QJsonObject &json, const QString &path);
QJsonObject instanceSpecToJson(const InstanceSpec &spec);
Result<InstanceSpec> decodeInstanceSpec(const QJsonObject &json, const QString &path);
QJsonObject agentInstanceStatusToJson(const AgentInstanceStatus &status);
Result<AgentInstanceStatus> decodeAgentInstanceStatus(const QJsonObject &json, const QString &path);
Result<Offer> decodeOffer(const QJsonObject &json, const QString &path);
Result<Instance> decodeInstance(const QJsonObject &json, const QString &path);
Result<MachineSpec> decodeMachineSpec(const QJsonObject &json, const QString &path);
Result<Image> decodeImage(const QJsonObject &json, const QString &path);

} // namespace suanli::protocol::detail
