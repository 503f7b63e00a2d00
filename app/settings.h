#pragma once

#include <QSettings>
#include <QString>
#include <QUrl>

#include <memory>

namespace suanli::app {

/// The app's settings through one typed wrapper; no secrets here (tokens go to the
/// SecretStore) and no string keys outside this class.
class Settings
{
public:
    enum class Mode { Unset, Local, Remote };

    /// Default location (per user, native format), or a given INI file (tests).
    explicit Settings(const QString &iniPath = {});

    Mode mode() const;
    void setMode(Mode mode);
    QUrl marketUrl() const;
    void setMarketUrl(const QUrl &url);
    /// The id of this computer's key on `market` (its sign-in), so that Sign out can revoke it;
    /// 0 when unknown (a pasted token: found by its prefix then). Not a secret.
    qint64 tokenId(const QUrl &market) const;
    void setTokenId(const QUrl &market, qint64 id);
    /// "" (follow the system), "en", "zh_Hans" or "zh_Hant".
    QString language() const;
    void setLanguage(const QString &language);
    /// Where local mode keeps its market database and keys. Default: the app data location.
    QString dataFolder() const;
    void setDataFolder(const QString &folder);
    static QString defaultDataFolder();
    /// The user chose, knowing the risk, to keep secrets in a 0600 file when no keychain
    /// answers (docs/app.md, "Secrets"). Off unless set explicitly.
    bool secretFileAllowed() const;
    void setSecretFileAllowed(bool allowed);
    /// Port of the local market; 0 picks a free one each start.
    int localPort() const;
    void setLocalPort(int port);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    /// Notifications already shown that must not repeat after a restart (release warnings).
    QStringList notifiedKeys() const;
    void setNotifiedKeys(const QStringList &keys);

    void sync() { m_settings->sync(); }
    /// The store underneath, for parts that keep a typed group of their own in the app's
    /// settings (the dataset pairs: datasets::DatasetPairStore).
    QSettings &store() { return *m_settings; }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace suanli::app
