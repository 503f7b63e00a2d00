#include "protocol/query.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <algorithm>

using namespace suanli;
using namespace suanli::protocol;
using namespace suanli::protocol::query;
using namespace Qt::Literals::StringLiterals;

namespace {

Offer offer(qint64 id, const QString &gpu, int gpusFree, qint64 vramMb, Micro price,
            const QString &region, std::optional<double> perf)
{
    Offer o;
    o.id = id;
    o.host_id = 100 + id;
    o.host_name = u"host-%1"_s.arg(id);
    o.gpu_model = gpu;
    o.gpu_memory_mb = vramMb;
    o.gpus_total = gpusFree + 1;
    o.gpus_free = gpusFree;
    o.cpu_cores = 8 * int(id);
    o.ram_mb = 16384 * id;
    o.disk_free_gb = 100 * id;
    o.price_gpu_hour_micro = price;
    o.price_storage_gb_month_micro = 300'000;
    o.inet_down_mbps = 100 * int(id);
    o.inet_up_mbps = 10 * int(id);
    o.reliability = 0.9 + 0.01 * double(id);
    o.region = region;
    o.verified = id % 2 == 0;
    o.interruptible = id % 3 == 0;
    o.min_duration_s = 600 * (id % 4);
    o.cuda_version = gpu.isEmpty() ? QString() : (id % 2 ? u"12.4"_s : u"11.8"_s);
    o.driver_version = gpu.isEmpty() ? QString() : u"550.54.14"_s;
    o.perf_tflops = perf;
    return o;
}

/// A small catalog with the cases that matter: case variants, Chinese and non-ASCII text,
/// a CPU-only machine, missing perf_tflops, prices that need exact decimal conversion.
QList<Offer> catalog()
{
    QList<Offer> offers{
        offer(1, u"RTX 4090"_s, 2, 24564, 1'000'000, u"北京"_s, 330.3),
        offer(2, u"RTX 3090"_s, 1, 24576, 1'320'000, u"上海"_s, 142.0),
        offer(3, u"A100 80GB"_s, 8, 81920, 6'680'000, u"us-west"_s, 312.0),
        offer(4, u"A100 40GB"_s, 4, 40960, 3'280'000, u"US-West"_s, 312.0),
        offer(5, u"A800"_s, 0, 81920, 5'980'000, u"Zürich"_s, std::nullopt),
        offer(6, QString(), 0, 0, 400'000, u"ZÜRICH"_s, std::nullopt),
        offer(7, u"rtx 4090"_s, 1, 24564, 1'000'001, u"北京"_s, 330.3),
        offer(8, u"H100 SXM"_s, 3, 81559, 14'000'000, u"eu-central"_s, 989.5),
    };
    offers[5].gpus_total = 0;
    offers[5].host_name = u"Alice's_PC"_s;
    offers[2].cuda_version = u"12.2"_s;
    // Plans: 1 and 7 sell a day (7 a µ dearer) and 1 a week, 3 a day and a month; the rest none.
    offers[0].price_gpu_day_micro = 20'000'000;
    offers[0].price_gpu_week_micro = 100'000'000;
    offers[6].price_gpu_day_micro = 20'000'001;
    offers[2].price_gpu_day_micro = 150'000'000;
    offers[2].price_gpu_month_micro = 3'600'000'000;
    return offers;
}

QList<qint64> ids(const QList<Offer> &offers)
{
    QList<qint64> result;
    for (const Offer &o : offers)
        result.append(o.id);
    return result;
}

QList<qint64> inMemory(const QString &q, const QString &order)
{
    const Result<Query> query = parse(q);
    const Result<QList<OrderKey>> keys = parseOrder(order);
    if (!query || !keys)
        qFatal("bad test query %s / %s", qPrintable(q), qPrintable(order));
    QList<Offer> hits;
    for (const Offer &o : catalog()) {
        if (matches(*query, o))
            hits.append(o);
    }
    std::sort(hits.begin(), hits.end(),
              [&](const Offer &a, const Offer &b) { return lessThan(*keys, a, b); });
    return ids(hits);
}

const char *kOffersTable = R"(CREATE TEMPORARY TABLE tst_query_offers (
    id BIGINT PRIMARY KEY, host_id BIGINT NOT NULL, host_name TEXT %1 NOT NULL,
    gpu_model TEXT %1 NOT NULL, gpu_memory_mb BIGINT NOT NULL, gpus_total INTEGER NOT NULL,
    gpus_free INTEGER NOT NULL, cpu_cores INTEGER NOT NULL, ram_mb BIGINT NOT NULL,
    disk_free_gb BIGINT NOT NULL, price_gpu_hour_micro BIGINT NOT NULL,
    price_storage_gb_month_micro BIGINT NOT NULL, inet_down_mbps INTEGER NOT NULL,
    inet_up_mbps INTEGER NOT NULL, reliability %2 NOT NULL, region TEXT %1 NOT NULL,
    verified BOOLEAN NOT NULL, interruptible BOOLEAN NOT NULL, min_duration_s BIGINT NOT NULL,
    cuda_version TEXT %1 NOT NULL, driver_version TEXT %1 NOT NULL, perf_tflops %2,
    price_gpu_day_micro BIGINT, price_gpu_week_micro BIGINT, price_gpu_month_micro BIGINT))";

bool fillOffers(QSqlDatabase &db, bool postgres)
{
    QSqlQuery sql(db);
    // A temporary table of our own: the PostgreSQL fixture's database is shared with the market
    // tests, which have a real `offers` table.
    sql.exec(u"DROP TABLE IF EXISTS tst_query_offers"_s);
    // On PostgreSQL the C collation makes ORDER BY on text byte order, as on SQLite.
    const QString ddl = QString::fromLatin1(kOffersTable)
                            .arg(postgres ? u"COLLATE \"C\""_s : QString(),
                                 postgres ? u"DOUBLE PRECISION"_s : u"REAL"_s);
    if (!sql.exec(ddl)) {
        qWarning() << sql.lastError().text();
        return false;
    }
    // A null QString binds as SQL NULL; the columns hold empty text.
    auto text = [](const QString &s) {
        return s.isNull() ? QVariant(u""_s) : QVariant(s);
    };
    for (const Offer &o : catalog()) {
        sql.prepare(u"INSERT INTO tst_query_offers VALUES "
                    "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
        auto plan = [](const std::optional<Micro> &price) {
            return price ? QVariant(qint64(*price)) : QVariant(QMetaType::fromType<qint64>());
        };
        const QVariantList values{o.id,
                                  o.host_id,
                                  text(o.host_name),
                                  text(o.gpu_model),
                                  o.gpu_memory_mb,
                                  o.gpus_total,
                                  o.gpus_free,
                                  o.cpu_cores,
                                  o.ram_mb,
                                  o.disk_free_gb,
                                  o.price_gpu_hour_micro,
                                  o.price_storage_gb_month_micro,
                                  o.inet_down_mbps,
                                  o.inet_up_mbps,
                                  o.reliability,
                                  text(o.region),
                                  o.verified,
                                  o.interruptible,
                                  o.min_duration_s,
                                  text(o.cuda_version),
                                  text(o.driver_version),
                                  o.perf_tflops ? QVariant(*o.perf_tflops)
                                                : QVariant(QMetaType::fromType<double>()),
                                  plan(o.price_gpu_day_micro),
                                  plan(o.price_gpu_week_micro),
                                  plan(o.price_gpu_month_micro)};
        for (const QVariant &value : values)
            sql.addBindValue(value);
        if (!sql.exec()) {
            qWarning() << sql.lastError().text();
            return false;
        }
    }
    return true;
}

QList<qint64> inSql(QSqlDatabase &db, const QString &q, const QString &order)
{
    const SqlFragment fragment = toSql(*parse(q), *parseOrder(order));
    QSqlQuery sql(db);
    sql.prepare(u"SELECT id FROM tst_query_offers WHERE %1 ORDER BY %2"_s.arg(fragment.where,
                                                                              fragment.orderBy));
    for (const QVariant &value : fragment.bindings)
        sql.addBindValue(value);
    if (!sql.exec())
        qFatal("SQL failed for %s: %s", qPrintable(q), qPrintable(sql.lastError().text()));
    QList<qint64> result;
    while (sql.next())
        result.append(sql.value(0).toLongLong());
    return result;
}

} // namespace

class TestQuery : public QObject
{
    Q_OBJECT
private slots:
    void emptyQueryMatchesEverything()
    {
        for (const QString &text : {QString(), u"   "_s, u"\t\u3000"_s}) {
            const Result<Query> q = parse(text);
            QVERIFY(q.ok());
            QVERIFY(q->isEmpty());
        }
        QCOMPARE(inMemory(QString(), QString()).size(), catalog().size());
        const SqlFragment sql = toSql(Query{}, {});
        QCOMPARE(sql.where, u"1=1"_s);
        QCOMPARE(sql.orderBy, u"id ASC"_s);
        QVERIFY(sql.bindings.isEmpty());
    }

    void operators_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<qint64>>("expected");
        using L = QList<qint64>;
        QTest::newRow("=") << u"gpus_free=1"_s << L{2, 7};
        QTest::newRow("!=") << u"gpus_free!=0"_s << L{1, 2, 3, 4, 7, 8};
        QTest::newRow("<") << u"gpus_free<1"_s << L{5, 6};
        QTest::newRow("<=") << u"gpus_free<=1"_s << L{2, 5, 6, 7};
        QTest::newRow(">") << u"gpus_free>3"_s << L{3, 4};
        QTest::newRow(">=") << u"gpus_free>=3"_s << L{3, 4, 8};
        QTest::newRow("in") << u"gpus_free in [0,8]"_s << L{3, 5, 6};
        QTest::newRow("notin") << u"gpus_free notin [0,8]"_s << L{1, 2, 4, 7, 8};
        QTest::newRow("and") << u"gpus_free>=1 verified=true"_s << L{2, 4, 8};
        QTest::newRow("bool false") << u"interruptible=false verified=false"_s << L{1, 5, 7};
        QTest::newRow("bool upper") << u"verified=TRUE"_s << L{2, 4, 6, 8};
        QTest::newRow("real") << u"reliability>0.955"_s << L{6, 7, 8};
        QTest::newRow("spaces around op") << u"gpus >= 3"_s << L{3, 4, 8};
        QTest::newRow("space after op") << u"gpus>= 3"_s << L{3, 4, 8};
        QTest::newRow("space before op") << u"gpus >=3"_s << L{3, 4, 8};
        QTest::newRow("negative") << u"gpus>-1"_s << L{1, 2, 3, 4, 5, 6, 7, 8};
        QTest::newRow("id") << u"id=3"_s << L{3};
    }

    void operators()
    {
        QFETCH(QString, query);
        QFETCH(QList<qint64>, expected);
        const Result<Query> parsed = parse(query);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(inMemory(query, QString()), expected);
    }

    void aliasesAndUnits_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::newRow("gpu") << u"gpu=A800"_s << u"gpu_model"_s << 0.0;
        QTest::newRow("gpus") << u"gpus>=2"_s << u"gpus_free"_s << 2.0;
        QTest::newRow("vram_gb") << u"vram_gb>=24"_s << u"gpu_memory_mb"_s << 24576.0;
        QTest::newRow("vram_gb half") << u"vram_gb>=0.5"_s << u"gpu_memory_mb"_s << 512.0;
        QTest::newRow("vram_gb rounds") << u"vram_gb>=0.1"_s << u"gpu_memory_mb"_s << 102.0;
        QTest::newRow("vram_gb rounds up")
            << u"vram_gb>=23.99"_s << u"gpu_memory_mb"_s << 24566.0; // 24565.76
        QTest::newRow("ram_gb") << u"ram_gb>=64"_s << u"ram_mb"_s << 65536.0;
        QTest::newRow("price") << u"price<1.5"_s << u"price_gpu_hour_micro"_s << 1'500'000.0;
        QTest::newRow("price exact") << u"price=1.32"_s << u"price_gpu_hour_micro"_s << 1'320'000.0;
        QTest::newRow("price tiny") << u"price>0.000001"_s << u"price_gpu_hour_micro"_s << 1.0;
        QTest::newRow("price trailing zero")
            << u"price=6.6800000"_s << u"price_gpu_hour_micro"_s << 6'680'000.0;
        QTest::newRow("price whole") << u"price<=3"_s << u"price_gpu_hour_micro"_s << 3'000'000.0;
        QTest::newRow("price negative")
            << u"price>-0.5"_s << u"price_gpu_hour_micro"_s << -500'000.0;
        QTest::newRow("micro") << u"price_gpu_hour_micro<=1320000"_s << u"price_gpu_hour_micro"_s
                               << 1'320'000.0;
        QTest::newRow("field case") << u"VRAM_GB>=24"_s << u"gpu_memory_mb"_s << 24576.0;
        QTest::newRow("2^53") << u"min_duration_s<9007199254740992"_s << u"min_duration_s"_s
                              << 9007199254740992.0;
    }

    void aliasesAndUnits()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        QFETCH(double, value);
        const Result<Query> parsed = parse(query);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->conditions.size(), 1);
        const Condition &c = parsed->conditions.first();
        QCOMPARE(c.field, field);
        QCOMPARE(c.position, 0);
        if (std::holds_alternative<double>(c.values.first()))
            QCOMPARE(std::get<double>(c.values.first()), value);
    }

    void priceConversionIsExact()
    {
        // Every price with up to 6 decimals converts without float error.
        for (int cents = 0; cents < 100'000; cents += 7) {
            const QString text =
                u"price=%1.%2"_s.arg(cents / 100).arg(cents % 100, 2, 10, QChar(u'0'));
            const Result<Query> parsed = parse(text);
            QVERIFY(parsed.ok());
            QCOMPARE(std::get<double>(parsed->conditions.first().values.first()),
                     double(qint64(cents) * 10'000));
        }
        const SqlFragment sql = toSql(*parse(u"price=1.32"_s), {});
        QCOMPARE(sql.bindings.first().metaType(), QMetaType::fromType<qint64>());
        QCOMPARE(sql.bindings.first().toLongLong(), 1'320'000);
        QCOMPARE(inMemory(u"price=1.32"_s, QString()), QList<qint64>{2});
        QCOMPARE(inMemory(u"price<=1"_s, QString()), (QList<qint64>{1, 6}));
    }

    void textValues_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<qint64>>("expected");
        using L = QList<qint64>;
        QTest::newRow("underscore is space") << u"gpu_model=RTX_4090"_s << L{1, 7};
        QTest::newRow("case-insensitive") << u"gpu=rtx_4090"_s << L{1, 7};
        QTest::newRow("!= text") << u"gpu!=RTX_4090"_s << L{2, 3, 4, 5, 6, 8};
        QTest::newRow("in text") << u"gpu in [rtx_4090,A800]"_s << L{1, 5, 7};
        QTest::newRow("IN upper") << u"gpu IN [rtx_4090, A800]"_s << L{1, 5, 7};
        QTest::newRow("in no space") << u"gpu in[A800]"_s << L{5};
        QTest::newRow("list spaces") << u"gpu in [ A800 , H100_SXM ]"_s << L{5, 8};
        QTest::newRow("notin text") << u"gpu notin [rtx_4090,A800,RTX_3090]"_s << L{3, 4, 6, 8};
        QTest::newRow("chinese") << u"region=北京"_s << L{1, 7};
        QTest::newRow("chinese list") << u"region in [北京,上海] gpus>=2"_s << L{1};
        QTest::newRow("ideographic space") << u"region=上海\u3000gpus>=1"_s << L{2};
        QTest::newRow("ascii case region") << u"region=US-WEST"_s << L{3, 4};
        QTest::newRow("non-ascii case not folded") << u"region=zürich"_s << L{5};
        QTest::newRow("cpu only") << u"gpus_total=0"_s << L{6};
        QTest::newRow("version order") << u"cuda_version>=12.2"_s << L{1, 3, 5, 7};
        QTest::newRow("version eq") << u"cuda_version=11.8"_s << L{2, 4, 8};
        QTest::newRow("digits as text") << u"driver_version=550.54.14 gpu=A800"_s << L{5};
        QTest::newRow("host name") << u"host_name=host-3"_s << L{3};
    }

    void textValues()
    {
        QFETCH(QString, query);
        QFETCH(QList<qint64>, expected);
        const Result<Query> parsed = parse(query);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(inMemory(query, QString()), expected);
    }

    void textValueKeepsSpaceNotCase()
    {
        const Result<Query> parsed = parse(u"gpu=RtX_4090"_s);
        QVERIFY(parsed.ok());
        QCOMPARE(std::get<QString>(parsed->conditions.first().values.first()), u"RtX 4090"_s);
        QVERIFY(parsed->conditions.first().type == FieldType::Text);
    }

    void nullPerfNeverMatches()
    {
        // SQL semantics: an absent perf_tflops matches no comparison, != and notin included.
        using L = QList<qint64>;
        QCOMPARE(inMemory(u"perf_tflops>=300"_s, QString()), (L{1, 3, 4, 7, 8}));
        QCOMPARE(inMemory(u"perf_tflops<300"_s, QString()), (L{2}));
        QCOMPARE(inMemory(u"perf_tflops!=142"_s, QString()), (L{1, 3, 4, 7, 8}));
        QCOMPARE(inMemory(u"perf_tflops notin [142]"_s, QString()), (L{1, 3, 4, 7, 8}));
        QCOMPARE(inMemory(u"perf_tflops in [142,312]"_s, QString()), (L{2, 3, 4}));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown field")
            << u"gpux=1"_s << u"gpux"_s << 0 << u"unknown field 'gpux' at 0"_s;
        QTest::newRow("unknown later")
            << u"gpus>=2  foo=1"_s << u"foo"_s << 9 << u"unknown field 'foo' at 9"_s;
        QTest::newRow("space in value")
            << u"gpu=RTX 4090"_s << u"4090"_s << 8 << u"unknown field '4090'"_s;
        QTest::newRow("missing op") << u"gpus"_s << u"gpus"_s << 4 << u"missing operator"_s;
        QTest::newRow("bad op") << u"gpus !2"_s << u"gpus"_s << 5 << u"expected an operator"_s;
        QTest::newRow("word op") << u"gpu like x"_s << u"gpu"_s << 4 << u"expected an operator"_s;
        QTest::newRow("missing value") << u"gpus>="_s << u"gpus"_s << 6 << u"missing value"_s;
        QTest::newRow("missing value space")
            << u"gpus >= "_s << u"gpus"_s << 8 << u"missing value"_s;
        QTest::newRow("no field") << u"=2"_s << QString() << 0 << u"expected a field name"_s;
        QTest::newRow("not a number") << u"gpus>=abc"_s << u"gpus"_s << 6 << u"bad value 'abc'"_s;
        QTest::newRow("fraction") << u"gpus>=1.5"_s << u"gpus"_s << 6 << u"whole number"_s;
        QTest::newRow("exponent") << u"gpus>=1e3"_s << u"gpus"_s << 6 << u"expected a number"_s;
        QTest::newRow("price decimals")
            << u"price<1.0000001"_s << u"price"_s << 6 << u"6 decimal places"_s;
        QTest::newRow("too big") << u"price>9999999999"_s << u"price"_s << 6 << u"out of range"_s;
        QTest::newRow("too long") << u"gpus=1234567890123456789012345678901"_s << u"gpus"_s << 5
                                  << u"bad value"_s;
        QTest::newRow("bool value")
            << u"verified=yes"_s << u"verified"_s << 9 << u"true or false"_s;
        QTest::newRow("bool order")
            << u"verified<true"_s << u"verified"_s << 8 << u"cannot be compared"_s;
        QTest::newRow("text order") << u"gpu>RTX"_s << u"gpu"_s << 3 << u"cannot be compared"_s;
        QTest::newRow("unterminated")
            << u"gpu in [a,b"_s << u"gpu"_s << 7 << u"unterminated list"_s;
        QTest::newRow("unterminated space")
            << u"gpu in [a, "_s << u"gpu"_s << 7 << u"unterminated list"_s;
        QTest::newRow("empty list") << u"gpu in []"_s << u"gpu"_s << 7 << u"empty list"_s;
        QTest::newRow("empty item")
            << u"gpu in [a,,b]"_s << u"gpu"_s << 10 << u"missing value in the list"_s;
        QTest::newRow("items without comma")
            << u"gpu in [a b]"_s << u"gpu"_s << 10 << u"expected ',' or ']'"_s;
        QTest::newRow("in needs list") << u"gpu in A800"_s << u"gpu"_s << 7 << u"needs a list"_s;
        QTest::newRow("list needs in")
            << u"gpu=[A800]"_s << u"gpu"_s << 4 << u"needs in or notin"_s;
        QTest::newRow("after list") << u"gpu in [a]x"_s << u"gpu"_s << 10 << u"expected a space"_s;
        QTest::newRow("bad char") << u"gpu=RTX(4090)"_s << u"gpu"_s << 7
                                  << u"unexpected character '('"_s;
        QTest::newRow("quote") << u"region='x'"_s << u"region"_s << 7 << u"unexpected character"_s;
        QTest::newRow("bad list item")
            << u"gpus in [1,x]"_s << u"gpus"_s << 11 << u"bad value 'x'"_s;
        QTest::newRow("double op") << u"gpus==1"_s << u"gpus"_s << 5 << u"unexpected character"_s;
    }

    void errors()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        QFETCH(int, position);
        QFETCH(QString, message);
        const Result<Query> parsed = parse(query);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, u"invalid_query"_s);
        QCOMPARE(parsed.error().field, field);
        QCOMPARE(parsed.error().position, position);
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
        QVERIFY2(parsed.error().message.endsWith(u" at %1"_s.arg(position)),
                 qPrintable(parsed.error().message));
    }

    void tooManyValues()
    {
        QStringList items;
        for (int i = 0; i < 1001; ++i)
            items.append(QString::number(i));
        const Result<Query> parsed = parse(u"gpus in [%1]"_s.arg(items.join(u',')));
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(u"too many values"_s));
        items.removeLast();
        QVERIFY(parse(u"gpus in [%1]"_s.arg(items.join(u','))).ok());
    }

    void orderParsing()
    {
        const Result<QList<OrderKey>> keys = parseOrder(u"price, -reliability,gpus,-PERF_TFLOPS"_s);
        QVERIFY(keys.ok());
        QCOMPARE(keys->size(), 4);
        QCOMPARE(keys->at(0).field, u"price_gpu_hour_micro"_s);
        QVERIFY(!keys->at(0).descending);
        QCOMPARE(keys->at(1).field, u"reliability"_s);
        QVERIFY(keys->at(1).descending);
        QCOMPARE(keys->at(2).field, u"gpus_free"_s);
        QCOMPARE(keys->at(3).field, u"perf_tflops"_s);
        QVERIFY(keys->at(3).descending);

        QVERIFY(parseOrder(QString())->isEmpty());
        QVERIFY(parseOrder(u"  "_s)->isEmpty());
        QCOMPARE(parseOrder(u"price,-price"_s)->size(), 1); // the first one wins

        const Result<QList<OrderKey>> unknown = parseOrder(u"price,-speed"_s);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, u"invalid_order"_s);
        QCOMPARE(unknown.error().field, u"speed"_s);
        QCOMPARE(unknown.error().position, 7);
        QVERIFY(unknown.error().message.contains(u"'speed'"_s));
        const Result<QList<OrderKey>> empty = parseOrder(u"price,,gpus"_s);
        QCOMPARE(empty.error().code, u"invalid_order"_s);
        QCOMPARE(empty.error().position, 6);
        QCOMPARE(parseOrder(u"-"_s).error().code, u"invalid_order"_s);
        QCOMPARE(parseOrder(u"price,"_s).error().code, u"invalid_order"_s);
    }

    void inMemoryOrdering()
    {
        using L = QList<qint64>;
        QCOMPARE(inMemory(QString(), u"price"_s), (L{6, 1, 7, 2, 4, 5, 3, 8}));
        QCOMPARE(inMemory(QString(), u"-price"_s), (L{8, 3, 5, 4, 2, 7, 1, 6}));
        // Ties break by id; absent perf_tflops last in both directions.
        QCOMPARE(inMemory(QString(), u"perf_tflops"_s), (L{2, 3, 4, 1, 7, 8, 5, 6}));
        QCOMPARE(inMemory(QString(), u"-perf_tflops"_s), (L{8, 1, 7, 3, 4, 2, 5, 6}));
        QCOMPARE(inMemory(QString(), u"-verified,price"_s), (L{6, 2, 4, 8, 1, 7, 5, 3}));
        // A plan not offered is absent: it matches nothing and sorts last both ways.
        QCOMPARE(inMemory(u"day_price<=20"_s, QString()), (L{1}));
        QCOMPARE(inMemory(u"day_price!=20"_s, QString()), (L{3, 7}));
        QCOMPARE(inMemory(QString(), u"day_price"_s), (L{1, 7, 3, 2, 4, 5, 6, 8}));
        QCOMPARE(inMemory(QString(), u"-day_price"_s), (L{3, 7, 1, 2, 4, 5, 6, 8}));
        const Offer a = catalog().at(0);
        QVERIFY(!lessThan({}, a, a)); // irreflexive
    }

    void sqlText()
    {
        const Result<Query> q =
            parse(u"gpu=RTX_4090 gpus>=2 price<1.5 verified=true region in [北京,上海] "
                  "perf_tflops notin [1.5] reliability>0.9"_s);
        QVERIFY(q.ok());
        const SqlFragment sql = toSql(*q, *parseOrder(u"-perf_tflops,price"_s));
        QCOMPARE(sql.where, u"lower(gpu_model) = ? AND gpus_free >= ? AND price_gpu_hour_micro < ? "
                            "AND verified = ? AND lower(region) IN (?,?) "
                            "AND perf_tflops NOT IN (?) AND reliability > ?"_s);
        QCOMPARE(
            sql.orderBy,
            u"(perf_tflops IS NULL) ASC, perf_tflops DESC, price_gpu_hour_micro ASC, id ASC"_s);
        // Text values are bound folded to lower case (ASCII only, as SQLite's lower()).
        const QVariantList expected{
            u"rtx 4090"_s, qint64(2), qint64(1'500'000), true, u"北京"_s, u"上海"_s, 1.5, 0.9};
        QCOMPARE(sql.bindings, expected);
        QCOMPARE(sql.bindings.at(1).metaType(), QMetaType::fromType<qint64>());
        QCOMPARE(sql.bindings.at(3).metaType(), QMetaType::fromType<bool>());
        QCOMPARE(sql.bindings.at(6).metaType(), QMetaType::fromType<double>());
    }

    void sqlNeverContainsValues()
    {
        const QString text = u"host_name=Robert_DROP_TABLE_offers-- region in [x.y,1-2]"_s;
        const SqlFragment sql = toSql(*parse(text), {});
        QVERIFY(!sql.where.contains(u"Robert"_s, Qt::CaseInsensitive));
        QVERIFY(!sql.where.contains(u"DROP"_s));
        QCOMPARE(sql.where.count(u'?'), sql.bindings.size());
        // Hand-made conditions with unknown fields never reach the SQL text.
        Query forged;
        forged.conditions.append(
            Condition{u"id; DROP TABLE offers"_s, FieldType::Integer, Op::Eq, {1.0}, 0});
        const SqlFragment safe = toSql(forged, {OrderKey{u"x; --"_s, false}});
        QCOMPARE(safe.where, u"1=0"_s);
        QCOMPARE(safe.orderBy, u"id ASC"_s);
        QVERIFY(!matches(forged, catalog().first()));
    }

    void knownFieldsListsFieldsAndAliases()
    {
        const QStringList fields = knownFields();
        QCOMPARE(fields.size(), 36);
        for (const char *name :
             {"gpu_model", "perf_tflops", "price_storage_gb_month_micro", "gpu", "gpus", "vram_gb",
              "ram_gb", "price", "region", "day_price", "week_price", "month_price",
              "price_gpu_month_micro", "net_down_mbps", "net_up_mbps", "disk_write_mbps"})
            QVERIFY2(fields.contains(QString::fromLatin1(name)), name);
        for (const QString &field : fields)
            QVERIFY2(parseOrder(field).ok(), qPrintable(field));
    }

    void matchesAgreesWithSql_data()
    {
        QTest::addColumn<QString>("driver");
        QTest::newRow("sqlite") << u"QSQLITE"_s;
        QTest::newRow("postgresql") << u"QPSQL"_s;
    }

    void matchesAgreesWithSql()
    {
        QFETCH(QString, driver);
        const bool postgres = driver == "QPSQL"_L1;
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, driver);
        if (postgres) {
            // Optional: SUANLI_TEST_POSTGRES=postgresql://user@host:port/db, or the URL file of
            // the tests' pg-fixture in SUANLI_PG_URL_FILE, runs the same queries on PostgreSQL.
            QString text = qEnvironmentVariable("SUANLI_TEST_POSTGRES");
            if (text.isEmpty() && qEnvironmentVariableIsSet("SUANLI_PG_URL_FILE")) {
                QFile file(qEnvironmentVariable("SUANLI_PG_URL_FILE"));
                if (file.open(QIODevice::ReadOnly))
                    text = QString::fromUtf8(file.readAll()).trimmed();
            }
            const QUrl url(text);
            if (text.isEmpty() || !url.isValid()) {
                // Under ctest (tst_query_postgres) the fixture's server must be there.
                QVERIFY2(!qEnvironmentVariableIsSet("SUANLI_TEST_REQUIRE_POSTGRES"),
                         "the PostgreSQL fixture's URL file is missing or empty");
                QSKIP("no PostgreSQL: set SUANLI_TEST_POSTGRES or SUANLI_PG_URL_FILE");
            }
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
        } else {
            db.setDatabaseName(u":memory:"_s);
        }
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QVERIFY(fillOffers(db, postgres));

        const QStringList queries{
            QString(),
            u"gpus>=1"_s,
            u"gpus_free=1"_s,
            u"gpus!=0 verified=false"_s,
            u"gpu=rtx_4090"_s,
            u"gpu!=RTX_4090"_s,
            u"gpu in [RTX_4090,a800,H100_SXM]"_s,
            u"gpu notin [RTX_4090,a800]"_s,
            u"gpu_model=A100_80GB"_s,
            u"region=北京"_s,
            u"region in [北京,上海]"_s,
            u"region=us-west"_s,
            u"region notin [US-WEST]"_s,
            u"region=zürich"_s,
            u"region in [ZÜRICH,x]"_s,
            u"vram_gb>=24"_s,
            u"vram_gb>=23.99"_s,
            u"vram_gb<80 vram_gb>20"_s,
            u"ram_gb>=64"_s,
            u"price<1.5"_s,
            u"price=1.32"_s,
            u"price<=1"_s,
            u"price>=1.000001"_s,
            u"price_gpu_hour_micro in [1000000,400000]"_s,
            u"reliability>=0.95"_s,
            u"reliability<0.93"_s,
            u"reliability in [0.91]"_s,
            u"perf_tflops>=300"_s,
            u"perf_tflops<300"_s,
            u"perf_tflops!=142"_s,
            u"perf_tflops notin [142,312]"_s,
            u"perf_tflops in [330.3]"_s,
            u"verified=true"_s,
            u"verified!=true"_s,
            u"interruptible in [true,false]"_s,
            u"interruptible notin [true]"_s,
            u"min_duration_s<=600"_s,
            u"cuda_version>=12.2"_s,
            u"cuda_version<12"_s,
            u"driver_version!=550.54.14"_s,
            u"gpus_total=0"_s,
            u"host_name=alice-s_pc"_s,
            u"host_name in [HOST-1,host-2]"_s,
            u"inet_down_mbps>300 inet_up_mbps<=70 cpu_cores>=16"_s,
            u"disk_free_gb>=500 id!=6"_s,
            u"host_id notin [101,102,103]"_s,
            u"gpus>=9"_s,
            u"day_price<=20"_s,
            u"day_price<20.000001"_s,
            u"day_price!=20"_s,
            u"week_price>0"_s,
            u"month_price notin [1]"_s,
            u"price_gpu_day_micro in [20000001,150000000]"_s,
        };
        const QStringList orders{QString(),
                                 u"price"_s,
                                 u"-price"_s,
                                 u"perf_tflops"_s,
                                 u"-perf_tflops"_s,
                                 u"-verified,price"_s,
                                 u"gpu,-ram_gb"_s,
                                 u"region,-id"_s,
                                 u"-reliability"_s,
                                 u"host_name"_s,
                                 u"-cuda_version,gpus"_s,
                                 u"day_price"_s,
                                 u"-day_price,-month_price"_s};
        for (const QString &q : queries) {
            for (const QString &order : orders) {
                const QList<qint64> memory = inMemory(q, order);
                const QList<qint64> sql = inSql(db, q, order);
                if (memory != sql) {
                    qWarning() << "query" << q << "order" << order << "memory" << memory << "sql"
                               << sql;
                }
                QCOMPARE(memory, sql);
            }
        }
        db.close();
    }
};

QTEST_GUILESS_MAIN(TestQuery)
#include "tst_query.moc"
