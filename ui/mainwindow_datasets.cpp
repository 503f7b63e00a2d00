// The Datasets page of the main window (issue 6): pairs of local folder and instance path,
// Sync now, progress and history. Built only when sync/ is part of the build.

#include "mainwindow.h"

#ifdef SUANLI_HAVE_DATASETS
#include "catalogview.h"
#include "offerdetailpane.h"

#include "app/datasets/datasetscontroller.h"
#include "app/datasets/datasetsizes.h"
#include "app/secretstore.h"
#include "app/settings.h"
#include "app/sshkeys.h"
#include "ui/datasets/datasetsview.h"
#include "ui/datasets/uploadestimatetext.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QStackedWidget>
#endif

using namespace Qt::StringLiterals;

namespace suanli::ui {

void MainWindow::setupDatasets()
{
#ifdef SUANLI_HAVE_DATASETS
    // The pairs live in the app's settings (the same file app::Settings uses by default); the
    // journal with the history next to the market's data.
    auto *settings = new QSettings(this);
    const QString dataFolder = m_deps.settings->dataFolder();
    QDir().mkpath(dataFolder);
    auto *controller = new datasets::DatasetsController(
        *settings, QDir(dataFolder).filePath(u"sync.sqlite"_s), this);
    auto *view = new DatasetsView(controller, m_deps.session->instances()->model(), this);
    if (m_deps.keys) {
        // The market is asked at each sync: it is known once the session is ready.
        view->setIdentitySource([keys = m_deps.keys, session = m_deps.session](
                                    QObject *context, std::function<void(Result<ssh::Identity>)> done) {
            keys->identity(session->marketUrl(), context, std::move(done));
        });
    }
    addPage(tr("Datasets"), view, QKeySequence(u"Ctrl+4"_s));

    // Before renting: how long the upload folders take to reach each offer. They are counted
    // in a pool thread when the pairs change and when the catalog is shown (at most once a
    // minute: a large tree takes a moment to list).
    auto *sizes = new datasets::DatasetSizes(this);
    auto uploadFolders = [controller] {
        QStringList folders;
        for (const datasets::DatasetPair &pair : controller->pairs()->pairs()) {
            if (pair.direction == sync::Direction::Upload)
                folders.append(pair.localFolder);
        }
        return folders;
    };
    auto since = std::make_shared<QElapsedTimer>();
    auto rescan = [sizes, uploadFolders, since] {
        since->start();
        sizes->scan(uploadFolders());
    };
    rescan();
    connect(controller->pairs(), &QAbstractItemModel::modelReset, sizes, rescan);
    connect(m_pages, &QStackedWidget::currentChanged, sizes, [this, rescan, since](int index) {
        if (m_pages->widget(index) == m_catalog && since->elapsed() > 60'000)
            rescan();
    });
    auto estimate = [sizes](const protocol::Offer &offer) {
        return uploadEstimateText(sizes->bytes(), sizes->folders(), offer.inet_up_mbps);
    };
    m_catalog->detailPane()->setUploadEstimate(estimate);
    connect(sizes, &datasets::DatasetSizes::changed, m_catalog->detailPane(),
            &OfferDetailPane::updateUploadEstimate);
    m_uploadEstimate = estimate; // the launch dialog says it too (openLaunchDialog)
#endif
}

} // namespace suanli::ui
