#pragma once

#include <QString>

#include <optional>

namespace suanli::server {

/// "ssh-ed25519 BASE64" of an OpenSSH public key line (its comment dropped), or nullopt when
/// the line is not one ed25519 public key (the wire blob: string "ssh-ed25519", string of 32
/// bytes). The relay compares keys in this form (docs/market.md, "relay-authorize").
std::optional<QString> ed25519KeyLine(const QString &line);

} // namespace suanli::server
