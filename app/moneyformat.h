#pragma once

#include "protocol/money.h"

#include <QLocale>
#include <QString>

namespace suanli::app {

/// True for Chinese in Simplified script (zh_CN, zh_SG, zh_Hans): there CNY is written "¥".
bool isSimplifiedChinese(const QLocale &locale);

/// The symbol for the market's currency in `locale` (docs/market.md): CNY is "¥" in Simplified
/// Chinese and "CN¥" everywhere else, so a Japanese or US reader never mistakes it for yen or
/// dollars. Never the locale's own currency.
QString currencySymbol(const QString &currency, const QLocale &locale);

/// Formats micro-units exactly (integer arithmetic, no double) with `decimals` places, rounded
/// half away from zero, grouped as the locale groups digits: formatMoney(1'320'000, "CNY",
/// zh_CN) → "¥1.32". `maxDecimals` > `decimals` keeps further non-zero digits (prices such as
/// ¥0.0042 per second).
QString formatMoney(Micro amount, const QString &currency, const QLocale &locale,
                    int decimals = 2, int maxDecimals = 2);

/// A price: up to 4 decimals, at least 2.
inline QString formatPrice(Micro amount, const QString &currency, const QLocale &locale)
{
    return formatMoney(amount, currency, locale, 2, 4);
}

/// Parses "12.5" or "12,50" as micro-units, exactly; nullopt on anything else.
std::optional<Micro> parseMoney(const QString &text);

/// "3 d 4 h", "5 h 02 min", "42 s": a duration for people, translated (context "Duration").
QString formatDuration(qint64 seconds);

} // namespace suanli::app
