#include "csv.h"

using namespace Qt::StringLiterals;

namespace suanli::protocol {

QString csvText(const QString &text)
{
    static const QString formulaStarts = u"=+-@\t\r"_s;
    const bool formula = !text.isEmpty() && formulaStarts.contains(text.front());
    if (!formula && !text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') &&
        !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + (formula ? u"'"_s : QString()) + quoted + u'"';
}

QString csvNumber(qint64 value)
{
    return QString::number(value);
}

QString csvRecord(const QStringList &fields)
{
    return fields.join(u',') + u"\r\n"_s;
}

} // namespace suanli::protocol
