#pragma once

#include "protocol/result.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace suanli::server {

/// `suanli-market --config FILE` (docs/market.md, "Configuration file"): `key = value` lines
/// whose keys are the long option names, `#` comments and blank lines. An option on the command
/// line wins over the file; a repeatable key (`relay`) given on the command line replaces all
/// of the file's lines of that key.
class MarketConfig
{
public:
    struct Entry
    {
        QString key;
        QString value;
        int line = 0;
    };

    /// Reads `path`. `keys`: the keys it may hold; `repeatable`: those that may appear more
    /// than once. A line that is not `key = value`, an unknown key, an empty value or a
    /// second line of a single key is an error whose message starts with "FILE:LINE: ".
    static Result<MarketConfig> read(const QString &path, const QStringList &keys,
                                     const QSet<QString> &repeatable);
    /// The same from text (`path` only names it in messages).
    static Result<MarketConfig> parse(const QByteArray &text, const QString &path,
                                      const QStringList &keys, const QSet<QString> &repeatable);

    const QList<Entry> &entries() const { return m_entries; }

    /// `arguments` (argv, program first) with the file's options inserted after the program as
    /// `--key=value`, except the keys `setOnCommandLine` names: the command line wins.
    QStringList merged(const QStringList &arguments, const QSet<QString> &setOnCommandLine) const;

private:
    QList<Entry> m_entries;
};

} // namespace suanli::server
