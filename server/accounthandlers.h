#pragma once

#include "httpreply.h"
#include "store.h"

class QHttpServerRequest;

namespace suanli::server {

class ChangePublisher;

/// The account's own resources (server/openapi.yaml): /me, vouchers, the ledger (JSON and
/// CSV) and a lender's earnings.
class AccountHandlers
{
public:
    AccountHandlers(Store &store, ChangePublisher &publisher);

    HttpReply me(const Principal &who);
    HttpReply patchMe(const Principal &who, const QHttpServerRequest &request);
    HttpReply redeem(const Principal &who, const QHttpServerRequest &request);
    HttpReply ledger(const Principal &who, const QHttpServerRequest &request, bool csv);
    HttpReply earnings(const Principal &who);

private:
    Store &m_store;
    ChangePublisher &m_publisher;
};

} // namespace suanli::server
