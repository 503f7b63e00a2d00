// libFuzzer target: the offer query language (parse, parseOrder, toSql, matches, lessThan) on
// arbitrary bytes read as UTF-8. Besides crashes and sanitizer reports it traps on a broken
// invariant: errors must carry their code and an in-range position, and the SQL must hold
// exactly one binding per placeholder and no character a value could have brought in.
#include "protocol/query.h"

#include <cstddef>
#include <cstdint>

using namespace suanli::protocol;
using namespace suanli::protocol::query;
using namespace Qt::Literals::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void checkError(const suanli::Error &error, const QString &code, const QString &text)
{
    check(error.code == code);
    check(!error.message.isEmpty());
    check(error.position >= 0 && error.position <= text.size());
}

QList<Offer> sampleOffers()
{
    Offer gpu;
    gpu.id = 1;
    gpu.gpu_model = u"RTX 4090"_s;
    gpu.gpus_free = 2;
    gpu.gpu_memory_mb = 24564;
    gpu.price_gpu_hour_micro = 1'320'000;
    gpu.region = u"北京"_s;
    gpu.reliability = 0.99;
    gpu.perf_tflops = 330.3;
    gpu.cuda_version = u"12.4"_s;
    Offer cpu;
    cpu.id = 2;
    cpu.region = u"us-west"_s;
    cpu.verified = true;
    return {gpu, cpu};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return -1; // longer inputs only slow the search down
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const suanli::Result<Query> query = parse(text);
    if (!query)
        checkError(query.error(), u"invalid_query"_s, text);
    const suanli::Result<QList<OrderKey>> order = parseOrder(text);
    if (!order)
        checkError(order.error(), u"invalid_order"_s, text);

    const Query q = query ? *query : Query{};
    const QList<OrderKey> keys = order ? *order : QList<OrderKey>{};
    const SqlFragment sql = toSql(q, keys);
    check(sql.where.count(u'?') == sql.bindings.size());
    check(sql.orderBy.endsWith(u"id ASC"_s));
    // Column names, keywords, operators and placeholders only: a value never reaches the text.
    for (const QString &fragment : {sql.where, sql.orderBy}) {
        for (QChar c : fragment) {
            const char16_t u = c.unicode();
            check((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                  (u >= u'0' && u <= u'9') || QStringView(u"_ ?=<>(),").contains(c));
        }
    }

    const QList<Offer> offers = sampleOffers();
    for (const Offer &offer : offers) {
        (void)matches(q, offer);
        check(!lessThan(keys, offer, offer));
    }
    // Antisymmetry on distinct offers.
    check(!(lessThan(keys, offers[0], offers[1]) && lessThan(keys, offers[1], offers[0])));
    return 0;
}
