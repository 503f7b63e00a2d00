#pragma once

#include "result.h"
#include "types.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <variant>

/// The offer query language (docs/app.md, server/openapi.yaml), shared by the app's search box (in
/// memory) and the market (SQL with bound parameters). Grammar: space-separated `field op value`
/// terms, all of which must hold. op ∈ = != < <= > >= in notin. A value is a number, true/false, a
/// word
/// (`_` stands for a space) or a list `[a,b]`. Fields are the Offer fields plus the aliases
/// gpu, gpus, vram_gb, ram_gb, price (per GPU-hour in whole currency units).
namespace suanli::protocol::query {

enum class Op { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn };

enum class FieldType { Integer, Real, Bool, Text };

/// A literal after parsing. A number is a double: for an integer field it is an exact integral
/// value (|v| ≤ 2^53) already in the field's unit, converted from the decimal text with integer
/// arithmetic, so money converts exactly (price=1.32 → 1320000.0).
using Value = std::variant<double, bool, QString>;

/// One `field op value` term, with the alias already resolved to an Offer field and the value
/// converted to that field's unit (vram_gb=24 → gpu_memory_mb = 24576; price<1.5 →
/// price_gpu_hour_micro < 1500000).
struct Condition
{
    QString field;        ///< Offer field name (snake_case), never an alias
    FieldType type = FieldType::Integer;
    Op op = Op::Eq;
    QList<Value> values;  ///< one value, or the list for in/notin
    int position = 0;     ///< where the term starts in the query text
};

struct Query
{
    QList<Condition> conditions;
    bool isEmpty() const { return conditions.isEmpty(); }
};

struct OrderKey
{
    QString field;        ///< Offer field name, aliases resolved
    bool descending = false;
};

/// Parse the query text. Errors: code "invalid_query", `field` set to the field name when it is
/// unknown or its value is bad, `position` to the offending character offset.
Result<Query> parse(const QString &text);

/// Parse an `order` parameter ("price,-reliability"). Error code "invalid_order".
Result<QList<OrderKey>> parseOrder(const QString &text);

/// In-memory evaluation, used by the app's catalog proxy.
bool matches(const Query &query, const Offer &offer);

/// Strict weak ordering of offers by the keys, then by id for stability.
bool lessThan(const QList<OrderKey> &order, const Offer &a, const Offer &b);

/// SQL for the server: `where` uses only column names equal to Offer field names and `?`
/// placeholders; every value travels in `bindings`, never pasted into the text. Text
/// comparisons are case-insensitive. `orderBy` is "col ASC, col DESC, id ASC" (never empty).
struct SqlFragment
{
    QString where;        ///< "1=1" when the query is empty
    QVariantList bindings;
    QString orderBy;
};
SqlFragment toSql(const Query &query, const QList<OrderKey> &order);

/// All field names accepted in a query or order: Offer fields and aliases.
QStringList knownFields();

} // namespace suanli::protocol::query
