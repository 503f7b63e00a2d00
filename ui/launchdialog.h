#pragma once

#include "client/marketclient.h"

#include <QDialog>
#include <QLocale>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace suanli::ui {

/// Launch an instance on an offer: image (from /api/v1/images), GPUs, disk, label, env,
/// on-start script, Jupyter, limits, and the price it comes to. Produces the create request;
/// the caller sends it.
class LaunchDialog : public QDialog
{
    Q_OBJECT
public:
    LaunchDialog(client::MarketClient *client, const protocol::Offer &offer, const QString &currency,
                 QWidget *parent = nullptr);

    void setGpuCount(int gpus);
    void setDiskGb(qint64 gb);
    /// The pre-rental upload line (the Datasets view's folders at the offer's inet_up_mbps);
    /// empty hides it.
    void setUploadEstimate(const QString &text);
    /// Days a stopped instance's data is kept (GET /api/v1/market); none: not known yet.
    void setRetentionDays(std::optional<qint64> days);
    const protocol::Offer &offer() const { return m_offer; }
    /// The request as filled in; ssh_public_key is the caller's to add.
    protocol::CreateInstanceRequest request() const;
    /// Lines of KEY=VALUE; an error names the first bad line.
    static Result<QMap<QString, QString>> parseEnv(const QString &text);

    /// Prepaid plans (docs/market.md, "Prepaid plans"): the offer's plans for `gpus` GPUs.
    struct PlanChoice
    {
        QString plan; ///< "day", "week", "month"
        qint64 periodS = 0;
        Micro price = 0;       ///< the whole period for `gpus` GPUs
        Micro byTheHour = 0;   ///< the same time at the hourly price
        int savingPercent = 0; ///< what the plan saves against that, rounded down
    };
    static QList<PlanChoice> planChoices(const protocol::Offer &offer, int gpus);
    /// "7 days: ¥100.00 (save 40% vs hourly)", as the plan box shows it.
    static QString planText(const PlanChoice &choice, const QString &currency,
                            const QLocale &locale);
    /// "1 day", "7 days", "30 days".
    static QString periodName(const QString &plan);
    /// Selects a plan ("hourly", "day", …) and the renewal; false when the offer lacks it.
    bool choosePlan(const QString &plan, bool renew = false);

private:
    void loadImages();
    void loadOwnImages(); // saved images
    /// The Jupyter box follows the chosen image's flag.
    void updateJupyter();
    void updateBreakdown();
    void validate();

    client::MarketClient *m_client;
    protocol::Offer m_offer;
    QString m_currency;
    std::optional<qint64> m_retentionDays;
    QLocale m_locale;
    QComboBox *m_image;
    QLabel *m_imageState;
    QSpinBox *m_gpus;
    QSpinBox *m_disk;
    QLineEdit *m_label;
    QPlainTextEdit *m_env;
    QPlainTextEdit *m_onstart;
    QCheckBox *m_jupyter;
    QLabel *m_jupyterWhy; ///< why the box is off: the chosen image has no Jupyter
    QLineEdit *m_maxSpend;
    QSpinBox *m_maxHours;
    QComboBox *m_plan;
    QCheckBox *m_renew;
    void fillPlans();
    QLabel *m_breakdown;
    QLabel *m_upload;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace suanli::ui
