#include "marketconfig.h"

#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;

namespace suanli::server {

namespace {

Error lineError(const QString &path, int line, const QString &what)
{
    return makeError(u"invalid_config"_s, u"%1:%2: %3"_s.arg(path).arg(line).arg(what));
}

} // namespace

Result<MarketConfig> MarketConfig::read(const QString &path, const QStringList &keys,
                                        const QSet<QString> &repeatable)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"config_not_found"_s,
                         u"cannot read %1: %2"_s.arg(path, file.errorString()));
    return parse(file.readAll(), path, keys, repeatable);
}

Result<MarketConfig> MarketConfig::parse(const QByteArray &text, const QString &path,
                                         const QStringList &keys, const QSet<QString> &repeatable)
{
    MarketConfig config;
    QHash<QString, int> firstLine;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i) + 1;
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype eq = line.indexOf(u'=');
        if (eq < 0)
            return lineError(path, number, u"expected `key = value`, got '%1'"_s.arg(line));
        const QString key = line.left(eq).trimmed();
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        if (key.isEmpty())
            return lineError(path, number, u"a key is missing before '='"_s);
        if (!keys.contains(key))
            return lineError(path, number,
                             u"unknown key '%1' (known: %2)"_s.arg(key, keys.join(u", "_s)));
        if (value.isEmpty())
            return lineError(path, number, u"'%1' has no value"_s.arg(key));
        if (firstLine.contains(key) && !repeatable.contains(key))
            return lineError(path, number,
                             u"'%1' is already set on line %2"_s.arg(key).arg(firstLine[key]));
        firstLine.insert(key, number);
        config.m_entries.append({key, value, number});
    }
    return config;
}

QStringList MarketConfig::merged(const QStringList &arguments,
                                 const QSet<QString> &setOnCommandLine) const
{
    QStringList out = arguments.mid(0, 1);
    for (const Entry &e : m_entries) {
        if (!setOnCommandLine.contains(e.key))
            out << u"--%1=%2"_s.arg(e.key, e.value);
    }
    out << arguments.mid(1);
    return out;
}

} // namespace suanli::server
