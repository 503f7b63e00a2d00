#include "money.h"

namespace suanli {

namespace {

constexpr int kMaxWholeDigits = 12;
constexpr int kMaxFractionDigits = 6; // one µ

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

std::optional<Micro> parseMoney(QStringView text)
{
    text = text.trimmed();
    qsizetype i = 0;
    Micro whole = 0;
    int wholeDigits = 0;
    for (; i < text.size() && isDigit(text[i]); ++i) {
        if (++wholeDigits > kMaxWholeDigits)
            return std::nullopt;
        whole = whole * 10 + (text[i].unicode() - u'0');
    }
    if (wholeDigits == 0)
        return std::nullopt;
    Micro fraction = 0;
    int fractionDigits = 0;
    if (i < text.size() && (text[i] == u'.' || text[i] == u',')) {
        for (++i; i < text.size() && isDigit(text[i]); ++i) {
            if (++fractionDigits > kMaxFractionDigits)
                return std::nullopt;
            fraction = fraction * 10 + (text[i].unicode() - u'0');
        }
    }
    if (i != text.size())
        return std::nullopt;
    for (; fractionDigits < kMaxFractionDigits; ++fractionDigits)
        fraction *= 10;
    return whole * kMicroPerUnit + fraction; // at most 10^18 - 1: no overflow
}

} // namespace suanli
