// Sign-up, sign-in and named keys (docs/market.md, "Accounts and keys"). Password hashing is
// passwords.cpp's; here only hashes are stored and compared by the handlers.
#include "sqlstore.h"

using namespace Qt::StringLiterals;

namespace suanli::server {

Result<qint64> SqlStore::signUp(const QString &name, const QStringList &roles,
                                const QString &passwordHash, const QString &invite, qint64 nowMs)
{
    if (name.trimmed().isEmpty())
        return makeError(u"invalid_name"_s, u"an account needs a name"_s, u"name"_s);
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto id = m_db->insertReturningId(u"INSERT INTO accounts (name, roles, balance_micro, "
                                      "created_at, password_hash) VALUES (?, ?, 0, ?, ?)"_s,
                                      {name, roles.join(u','), nowMs, passwordHash});
    if (!id) {
        if (id.error().code == "conflict"_L1)
            return makeError(u"account_exists"_s, u"an account named '%1' exists"_s.arg(name),
                             u"name"_s);
        return id.error();
    }
    if (!invite.isNull()) {
        // Used once: the row is claimed by this account, or the whole sign-up is undone.
        auto used = m_db->scalar(u"UPDATE invites SET used_by = ?, used_at = ? "
                                 "WHERE code = ? AND used_by IS NULL RETURNING code"_s,
                                 {*id, nowMs, invite});
        if (!used)
            return used.error();
        if (used->isNull())
            return makeError(u"invalid_invite"_s, u"this invite code is unknown or used"_s,
                             u"invite"_s);
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return id;
}

Result<void> SqlStore::createInvite(const QString &code, qint64 nowMs)
{
    auto r = m_db->exec(u"INSERT INTO invites (code, created_at) VALUES (?, ?)"_s, {code, nowMs});
    if (!r)
        return r.error();
    return {};
}

Result<QPair<qint64, QString>> SqlStore::passwordByName(const QString &name)
{
    auto q = m_db->exec(u"SELECT id, password_hash FROM accounts WHERE name = ?"_s, {name});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(u"not_found"_s, u"no such account"_s);
    QPair<qint64, QString> row{q->value(0).toLongLong(), q->value(1).toString()};
    q->finish();
    return row;
}

Result<QString> SqlStore::passwordHash(qint64 accountId)
{
    auto v = m_db->scalar(u"SELECT password_hash FROM accounts WHERE id = ?"_s, {accountId});
    if (!v)
        return v.error();
    if (v->isNull())
        return makeError(u"not_found"_s, u"no account %1"_s.arg(accountId));
    return v->toString();
}

Result<QList<qint64>> SqlStore::setPassword(qint64 accountId, const QString &passwordHash,
                                            qint64 keepTokenId, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto set = m_db->exec(u"UPDATE accounts SET password_hash = ? WHERE id = ?"_s,
                          {passwordHash, accountId});
    if (!set)
        return set.error();
    auto revoked = m_db->column(u"UPDATE tokens SET revoked_at = ? WHERE account_id = ? "
                                "AND host_id IS NULL AND revoked_at = 0 AND id <> ? RETURNING id"_s,
                                {nowMs, accountId, keepTokenId});
    if (!revoked)
        return revoked.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return revoked;
}

Result<qint64> SqlStore::addAccountToken(const QByteArray &sha256, qint64 accountId,
                                         const QString &label, const QString &prefix,
                                         qint64 expiresMs, qint64 nowMs)
{
    return m_db->insertReturningId(
        u"INSERT INTO tokens (hash, account_id, host_id, label, prefix, created_at, expires_at) "
        "VALUES (?, ?, NULL, ?, ?, ?, ?)"_s,
        {QString::fromLatin1(sha256.toHex()), accountId, label, prefix, nowMs, expiresMs});
}

Result<QList<Store::TokenRow>> SqlStore::accountTokens(qint64 accountId, qint64 nowMs)
{
    auto q = m_db->exec(u"SELECT id, label, prefix, created_at, last_used_at, expires_at "
                        "FROM tokens WHERE account_id = ? AND host_id IS NULL AND revoked_at = 0 "
                        "AND (expires_at = 0 OR expires_at > ?) ORDER BY id DESC"_s,
                        {accountId, nowMs});
    if (!q)
        return q.error();
    QList<TokenRow> rows;
    while (q->next())
        rows.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                     q->value(3).toLongLong(), q->value(4).toLongLong(), q->value(5).toLongLong()});
    return rows;
}

Result<void> SqlStore::revokeToken(qint64 accountId, qint64 tokenId, qint64 nowMs)
{
    auto v = m_db->scalar(u"UPDATE tokens SET revoked_at = ? WHERE id = ? AND account_id = ? "
                          "AND host_id IS NULL AND revoked_at = 0 "
                          "AND (expires_at = 0 OR expires_at > ?) RETURNING id"_s,
                          {nowMs, tokenId, accountId, nowMs});
    if (!v)
        return v.error();
    if (v->isNull())
        return makeError(u"not_found"_s, u"no such key"_s);
    return {};
}

Result<QList<qint64>> SqlStore::deadTokens(const QList<qint64> &tokenIds, qint64 nowMs)
{
    QList<qint64> dead;
    // In chunks: a socket per app, thousands of them, and no back end takes unbounded lists.
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < tokenIds.size(); from += kChunk) {
        const QList<qint64> chunk = tokenIds.mid(from, kChunk);
        QString marks = u"?"_s.repeated(chunk.size());
        for (qsizetype i = marks.size() - 1; i > 0; --i)
            marks.insert(i, u',');
        QVariantList bindings{nowMs};
        for (qint64 id : chunk)
            bindings.append(id);
        auto ids =
            m_db->column(u"SELECT id FROM tokens WHERE (revoked_at <> 0 OR "
                         "(expires_at <> 0 AND expires_at <= ?)) AND id IN (%1)"_s.arg(marks),
                         bindings);
        if (!ids)
            return ids.error();
        dead += *ids;
    }
    return dead;
}

Result<Principal> SqlStore::principalAt(const QByteArray &sha256, qint64 nowMs)
{
    auto q = m_db->exec(u"SELECT t.id, t.account_id, t.host_id, a.roles, t.last_used_at "
                        "FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE t.hash = ? "
                        "AND t.revoked_at = 0 AND (t.expires_at = 0 OR t.expires_at > ?)"_s,
                        {QString::fromLatin1(sha256.toHex()), nowMs});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(u"unauthorized"_s, u"unknown token"_s);
    Principal p;
    p.tokenId = q->value(0).toLongLong();
    p.accountId = q->value(1).toLongLong();
    p.hostId = q->value(2).isNull() ? 0 : q->value(2).toLongLong();
    p.kind = p.hostId ? Principal::Kind::Host : Principal::Kind::Account;
    p.roles = q->value(3).toString().split(u',', Qt::SkipEmptyParts);
    const qint64 lastUsed = q->value(4).toLongLong();
    q->finish();
    if (nowMs - lastUsed >= kLastUsedEveryMs) {
        // Best effort: a request is not refused because its key's last use was not written.
        (void)m_db->exec(u"UPDATE tokens SET last_used_at = ? WHERE id = ? AND last_used_at < ?"_s,
                         {nowMs, p.tokenId, nowMs});
    }
    return p;
}

Result<QPair<int, qint64>> SqlStore::attempts(const QString &scope, qint64 sinceMs)
{
    auto q =
        m_db->exec(u"SELECT COUNT(*), MIN(at) FROM signin_failures WHERE scope = ? AND at >= ?"_s,
                   {scope, sinceMs});
    if (!q)
        return q.error();
    QPair<int, qint64> result{0, 0};
    if (q->next())
        result = {q->value(0).toInt(), q->value(1).isNull() ? 0 : q->value(1).toLongLong()};
    q->finish();
    return result;
}

Result<void> SqlStore::addAttempts(const QStringList &scopes, qint64 nowMs, qint64 forgetBeforeMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    for (const QString &scope : scopes) {
        auto r =
            m_db->exec(u"INSERT INTO signin_failures (scope, at) VALUES (?, ?)"_s, {scope, nowMs});
        if (!r)
            return r.error();
    }
    auto forget = m_db->exec(u"DELETE FROM signin_failures WHERE at < ?"_s, {forgetBeforeMs});
    if (!forget)
        return forget.error();
    return tx.commit();
}

Result<void> SqlStore::clearAttempts(const QString &scope)
{
    auto r = m_db->exec(u"DELETE FROM signin_failures WHERE scope = ?"_s, {scope});
    if (!r)
        return r.error();
    return {};
}

} // namespace suanli::server
