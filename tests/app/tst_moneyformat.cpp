#include "app/language.h"
#include "app/moneyformat.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::app;

class TestMoneyFormat : public QObject
{
    Q_OBJECT
private slots:
    void cnySymbolPerLocale()
    {
        QCOMPARE(currencySymbol(u"CNY"_s, QLocale(u"zh_CN"_s)), u"¥"_s);
        QCOMPARE(currencySymbol(u"CNY"_s, QLocale(u"zh_SG"_s)), u"¥"_s);
        QCOMPARE(currencySymbol(u"CNY"_s, QLocale(u"zh_TW"_s)), u"CN¥"_s);
        QCOMPARE(currencySymbol(u"CNY"_s, QLocale(u"zh_HK"_s)), u"CN¥"_s);
        QCOMPARE(currencySymbol(u"CNY"_s, QLocale(u"en_US"_s)), u"CN¥"_s);
        QCOMPARE(currencySymbol(u"CNY"_s, QLocale(u"ja_JP"_s)), u"CN¥"_s);
    }
    void formatsExactly()
    {
        const QLocale cn(u"zh_CN"_s), us(u"en_US"_s), de(u"de_DE"_s);
        QCOMPARE(formatMoney(1'320'000, u"CNY"_s, cn), u"¥1.32"_s);
        QCOMPARE(formatMoney(1'320'000, u"CNY"_s, us), u"CN¥1.32"_s);
        QCOMPARE(formatMoney(1'234'567'890'000, u"CNY"_s, us), u"CN¥1,234,567.89"_s);
        QCOMPARE(formatMoney(1'234'567'890'000, u"CNY"_s, de), u"CN¥1.234.567,89"_s);
        QCOMPARE(formatMoney(-5'000, u"CNY"_s, us), u"−CN¥0.01"_s);
        QCOMPARE(formatMoney(-4'999, u"CNY"_s, us), u"CN¥0.00"_s); // no "−0.00"
        QCOMPARE(formatMoney(0, u"CNY"_s, us), u"CN¥0.00"_s);
        QCOMPARE(formatPrice(4'200, u"CNY"_s, us), u"CN¥0.0042"_s);
        QCOMPARE(formatPrice(1'500'000, u"CNY"_s, us), u"CN¥1.50"_s);
        QCOMPARE(formatMoney(1, u"CNY"_s, us, 2, 6), u"CN¥0.000001"_s);
        QCOMPARE(formatMoney(std::numeric_limits<qint64>::min(), u"CNY"_s, us).left(2), u"−C"_s);
        QCOMPARE(formatMoney(2'000'000, u"USD"_s, us), u"US$2.00"_s);
    }
    void parsesExactly()
    {
        QCOMPARE(parseMoney(u"1.32"_s), std::optional<Micro>(1'320'000));
        QCOMPARE(parseMoney(u"12,5"_s), std::optional<Micro>(12'500'000));
        QCOMPARE(parseMoney(u"7"_s), std::optional<Micro>(7'000'000));
        QCOMPARE(parseMoney(u"0.000001"_s), std::optional<Micro>(1));
        QVERIFY(!parseMoney(u"1.0000001"_s));
        QVERIFY(!parseMoney(u"-1"_s));
        QVERIFY(!parseMoney(u"abc"_s));
    }
    void languageFromLocale()
    {
        QCOMPARE(resolveLanguage({}, QLocale(u"zh_CN"_s)), u"zh_Hans"_s);
        QCOMPARE(resolveLanguage({}, QLocale(u"zh_SG"_s)), u"zh_Hans"_s);
        QCOMPARE(resolveLanguage({}, QLocale(u"zh_TW"_s)), u"zh_Hant"_s);
        QCOMPARE(resolveLanguage({}, QLocale(u"zh_HK"_s)), u"zh_Hant"_s);
        QCOMPARE(resolveLanguage({}, QLocale(u"zh_MO"_s)), u"zh_Hant"_s);
        QCOMPARE(resolveLanguage({}, QLocale(u"en_GB"_s)), u"en"_s);
        QCOMPARE(resolveLanguage({}, QLocale(u"fr_FR"_s)), u"en"_s);
        // The setting overrides the system.
        QCOMPARE(resolveLanguage(u"zh_Hant"_s, QLocale(u"zh_CN"_s)), u"zh_Hant"_s);
        QCOMPARE(resolveLanguage(u"en"_s, QLocale(u"zh_CN"_s)), u"en"_s);
        QCOMPARE(localeFor(u"zh_Hans"_s, QLocale(u"en_US"_s)).territory(), QLocale::China);
        QCOMPARE(localeFor(u"en"_s, QLocale(u"en_GB"_s)).territory(), QLocale::UnitedKingdom);
    }
    void durations()
    {
        QCOMPARE(formatDuration(42), u"42 s"_s);
        QCOMPARE(formatDuration(125), u"2 min 05 s"_s);
        QCOMPARE(formatDuration(3 * 3600 + 120), u"3 h 02 min"_s);
        QCOMPARE(formatDuration(15 * 86400 - 1), u"14 d 23 h"_s);
    }
};

QTEST_GUILESS_MAIN(TestMoneyFormat)
#include "tst_moneyformat.moc"
