//! What the workbench's pages and its refusals say, in Japanese and English.

crate::i18n::messages! {
    /// The workbench's words: its navigation, headings, buttons and refusals.
    #[derive(Debug, Clone)]
    pub enum ServeText {
        /// The name of the workbench, in the title of every page.
        Workbench =>
            ja: "gyokaku ワークベンチ",
            en: "gyokaku workbench";
        /// Navigation: the dashboard.
        NavDashboard =>
            ja: "集計",
            en: "Dashboard";
        /// Navigation: the items.
        NavItems =>
            ja: "取組項目",
            en: "Items";
        /// Navigation: the rule playground.
        NavRules =>
            ja: "ルールの調整",
            en: "Rule playground";
        /// Navigation: the review.
        NavReview =>
            ja: "評価の確認",
            en: "Review";
        /// Navigation: the import.
        NavImport =>
            ja: "取込み",
            en: "Import";
        /// The link to the other language.
        OtherLanguage =>
            ja: "English(英語)",
            en: "日本語";
        /// The year chooser's label.
        Year =>
            ja: "年度",
            en: "Year";
        /// The button that applies a choice or filters.
        Show =>
            ja: "表示",
            en: "Show";
        /// The choice of every year.
        AllYears =>
            ja: "全年度",
            en: "all years";
        /// The choice of the latest complete year.
        LatestComplete =>
            ja: "実績のそろった最新年度",
            en: "latest complete year";
        /// The heading of a folder of plans.
        Plans { count: usize } =>
            ja: "計画一覧({count}計画)",
            en: "Plans ({count})";
        /// A folder of plans, when a page about one plan is asked without naming it.
        ChoosePlan =>
            ja: "計画を選んでください(集計の計画一覧から)",
            en: "choose a plan (from the list of plans on the dashboard)";
        /// A plan name that is not one of the folder's.
        NoSuchPlan { name: String } =>
            ja: "計画 {name:?} はありません",
            en: "there is no plan {name:?}";
        /// An item id that is not one of the plan's.
        NoSuchItem { id: String } =>
            ja: "取組項目 {id} はありません",
            en: "there is no item {id}";
        /// A year that does not read.
        BadYear { given: String, reason: String } =>
            ja: "年度 {given:?} を読めません: {reason}",
            en: "the year {given:?} cannot be read: {reason}";
        /// A page that does not exist.
        NotFound { path: String } =>
            ja: "{path} というページはありません",
            en: "there is no page {path}";
        /// Any request without the token, when the server asks for one.
        TokenRequired =>
            ja: "このサーバーにはトークンが必要です。起動時に表示されたアドレス(?token=…付き)を開いてください",
            en: "this server needs its token: open the address it printed when it started (with ?token=…)";
        /// A request naming a host the server does not answer for.
        WrongHost { host: String } =>
            ja: "ホスト {host:?} 宛ての要求には応じません(127.0.0.1 のアドレスを開いてください)",
            en: "requests for the host {host:?} are refused: open the 127.0.0.1 address";
        /// A write request from another site (or without its origin).
        CrossOrigin =>
            ja: "ほかのサイトからの書き込み要求は受け付けません(このページから操作してください)",
            en: "write requests from another site are refused: use this server's own pages";
        /// A write without the version of the file it was shown.
        NoVersion { path: String } =>
            ja: "{path} を書き込むには、表示したときの版(If-Match)が必要です。ページを読み込み直してください",
            en: "writing {path} needs the version it was shown at (If-Match): reload the page";
        /// A write whose file changed on disk since it was shown.
        ChangedOnDisk { path: String } =>
            ja: "{path} は表示した後にほかで変更されました(別のタブ、エディター、取込みなど)。上書きしません。ページを読み込み直して、変更を確かめてからやり直してください",
            en: "{path} changed on disk since it was shown (another tab, an editor, an import): it is not overwritten. Reload the page, look at the change and try again";
        /// A request body that cannot be read.
        BadBody { reason: String } =>
            ja: "要求の内容を読めません: {reason}",
            en: "the request's content cannot be read: {reason}";
        /// Work that failed inside the server.
        Internal =>
            ja: "サーバー内部で処理が失敗しました。ほかのページはそのまま使えます",
            en: "the server failed at this request; its other pages still work";
        /// The items page: the filter of the policy.
        FilterPolicy =>
            ja: "基本方針",
            en: "Policy";
        /// The items page: the filter of the department.
        FilterDepartment =>
            ja: "部局",
            en: "Department";
        /// The items page: the filter of the recorded rating.
        FilterRating =>
            ja: "評価",
            en: "Rating";
        /// Any value of a filter.
        Any =>
            ja: "すべて",
            en: "all";
        /// The items page: only where the suggestion differs.
        FilterDiffers =>
            ja: "規則の評価と異なる",
            en: "suggestion differs";
        /// The items page: only suggestions on weak evidence.
        FilterWeak =>
            ja: "根拠が弱い",
            en: "weak evidence";
        /// The items page: only items that have not reported.
        FilterNotReported =>
            ja: "未報告",
            en: "not reported";
        /// The items page's count.
        ItemsShown { shown: usize, total: usize } =>
            ja: "{total}項目中{shown}項目",
            en: "{shown} of {total} items";
        /// The item page: the trace's heading.
        Trace =>
            ja: "評価の過程(explain)",
            en: "How the rules evaluated it (explain)";
        /// The item page: the trace could not be made.
        TraceFailed { reason: String } =>
            ja: "評価の過程を示せません: {reason}",
            en: "the evaluation cannot be traced: {reason}";
        /// The items table: the item's number.
        ColumnNumber =>
            ja: "番号",
            en: "No.";
        /// The items table: the suggestion.
        ColumnSuggested =>
            ja: "規則の評価",
            en: "suggested";
        /// The items table: the recorded rating.
        ColumnRecorded =>
            ja: "記録された評価",
            en: "recorded";
        /// The items table: the evidence flag.
        ColumnNote =>
            ja: "注記",
            en: "note";
        /// A mark: the suggestion differs.
        MarkDiffers =>
            ja: "不一致",
            en: "differs";
        /// A mark: weak evidence.
        MarkWeak =>
            ja: "根拠弱",
            en: "weak";
        /// A mark: not reported.
        MarkNotReported =>
            ja: "未報告",
            en: "not reported";
        /// Printed once the server runs: the address to open.
        Serving { address: String } =>
            ja: "ワークベンチを {address} で開いています(終了は Ctrl+C)",
            en: "the workbench is at {address} (Ctrl+C stops it)";
    }

    /// `gyokaku serve --help`: the command and its options.
    #[derive(Debug, Clone, Copy)]
    pub enum ServeHelp {
        /// The command.
        About =>
            ja: "ブラウザーで使うワークベンチを起動します (集計、取組項目、ルールの調整、評価の確認、取込み)",
            en: "Serve the workbench in the browser: dashboard, items, rule playground, review, import";
        /// PLAN.
        Plan =>
            ja: "計画のフォルダ、または計画フォルダを並べたフォルダ",
            en: "The plan folder, or a folder of plan folders";
        /// --port.
        Port =>
            ja: "待ち受けるポート [既定: 空いているポート]",
            en: "The port [default: a free one]";
        /// --open.
        Open =>
            ja: "アドレスをブラウザーで開きます",
            en: "Open the address in the browser";
        /// --listen.
        Listen =>
            ja: "127.0.0.1 以外のアドレスで待ち受けます (すべての要求に、起動時に一度だけ表示するトークンが必要になります)",
            en: "Serve on this address instead of 127.0.0.1 (every request then needs the token printed once at start)";
    }

    /// Why the server could not start.
    #[derive(Debug)]
    pub enum StartError {
        /// The address could not be served.
        CannotServe { address: String, reason: std::io::Error } =>
            ja: "{address} で待ち受けられません: {reason}",
            en: "cannot serve on {address}: {reason}";
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_message_is_worded_in_both_languages() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
