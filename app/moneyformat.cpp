#include "moneyformat.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace suanli::app {

bool isSimplifiedChinese(const QLocale &locale)
{
    if (locale.language() != QLocale::Chinese)
        return false;
    if (locale.script() == QLocale::SimplifiedHanScript)
        return true;
    if (locale.script() == QLocale::TraditionalHanScript)
        return false;
    const auto territory = locale.territory();
    return territory != QLocale::Taiwan && territory != QLocale::HongKong
        && territory != QLocale::Macao;
}

QString currencySymbol(const QString &currency, const QLocale &locale)
{
    if (currency == "CNY"_L1)
        return isSimplifiedChinese(locale) ? u"¥"_s : u"CN¥"_s;
    if (currency == "USD"_L1)
        return u"US$"_s;
    if (currency == "EUR"_L1)
        return u"€"_s;
    return currency + u'\u00a0';
}

QString formatMoney(Micro amount, const QString &currency, const QLocale &locale, int decimals,
                    int maxDecimals)
{
    decimals = qBound(0, decimals, 6);
    maxDecimals = qBound(decimals, maxDecimals, 6);
    const bool negative = amount < 0;
    // Magnitude as unsigned so that the most negative value formats too.
    quint64 magnitude = negative ? quint64(0) - quint64(amount) : quint64(amount);

    // Keep as many places as maxDecimals allows without losing non-zero digits, at least
    // `decimals`.
    int places = decimals;
    quint64 divisor = 1;
    for (int i = 0; i < 6 - maxDecimals; ++i)
        divisor *= 10;
    {
        quint64 kept = magnitude / divisor; // digits up to maxDecimals (truncated)
        int p = maxDecimals;
        while (p > decimals && kept % 10 == 0) {
            kept /= 10;
            --p;
        }
        places = p;
    }
    quint64 unit = 1;
    for (int i = 0; i < 6 - places; ++i)
        unit *= 10;
    const quint64 rounded = (magnitude + unit / 2) / unit; // half away from zero
    quint64 scale = 1;
    for (int i = 0; i < places; ++i)
        scale *= 10;
    const quint64 whole = rounded / scale;
    const quint64 fraction = rounded % scale;

    QString text = locale.toString(qulonglong(whole));
    if (places > 0)
        text += locale.decimalPoint()
            + QString::number(fraction).rightJustified(places, u'0');
    QString out = currencySymbol(currency, locale) + text;
    if (negative && rounded != 0)
        out.prepend(u'\u2212');
    return out;
}

std::optional<Micro> parseMoney(const QString &text)
{
    return suanli::parseMoney(text); // the one exact reader, protocol/money.h
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return QCoreApplication::translate("Duration", "%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return QCoreApplication::translate("Duration", "%1 h %2 min")
            .arg(hours)
            .arg(minutes, 2, 10, QChar(u'0'));
    if (minutes > 0)
        return QCoreApplication::translate("Duration", "%1 min %2 s")
            .arg(minutes)
            .arg(seconds % 60, 2, 10, QChar(u'0'));
    return QCoreApplication::translate("Duration", "%1 s").arg(seconds);
}

} // namespace suanli::app
