#include "sshtypes.h"

#include "protocol/types.h"

namespace suanli::ssh {

Endpoint endpointFromProtocol(const protocol::SshEndpoint &ssh)
{
    Endpoint endpoint{ssh.host, quint16(ssh.port), ssh.user, ssh.host_key};
    if (ssh.jump) {
        endpoint.jump =
            JumpHost{ssh.jump->host, quint16(ssh.jump->port), ssh.jump->user, ssh.jump->host_key};
    }
    return endpoint;
}

} // namespace suanli::ssh
