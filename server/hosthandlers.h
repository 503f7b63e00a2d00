#pragma once

#include "httpreply.h"
#include "store.h"

class QHttpServerRequest;

namespace suanli {
class Clock;
}

namespace suanli::server {

/// A lender's hosts (server/openapi.yaml): registering one (with its sh_ agent token), listing
/// them, and changing a host's listing.
class HostHandlers
{
public:
    HostHandlers(Store &store, const Clock &clock)
        : m_store(store)
        , m_clock(clock)
    {}

    HttpReply createHost(const Principal &who, const QHttpServerRequest &request);
    HttpReply listHosts(const Principal &who);
    HttpReply patchHost(const Principal &who, qint64 id, const QHttpServerRequest &request);

private:
    Store &m_store;
    const Clock &m_clock;
};

} // namespace suanli::server
