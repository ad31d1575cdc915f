//! Export stage: render DOT to SVG (or PNG, PDF) with the Graphviz `dot`
//! program, through graphviz-rust. Graphviz is optional: when it is missing
//! the caller keeps the DOT file and tells the user how to get a picture.

use graphviz_rust::cmd::{CommandArg, Format, Layout};

/// Picture formats Graphviz renders for us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
    Pdf,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
            ImageFormat::Pdf => "pdf",
        }
    }

    fn graphviz(self) -> Format {
        match self {
            ImageFormat::Svg => Format::Svg,
            ImageFormat::Png => Format::Png,
            ImageFormat::Pdf => Format::Pdf,
        }
    }
}

/// Graphviz layout engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LayoutEngine {
    #[default]
    Dot,
    Neato,
    Fdp,
    Sfdp,
    Circo,
    Twopi,
}

impl LayoutEngine {
    pub const ALL: [LayoutEngine; 6] = [
        LayoutEngine::Dot,
        LayoutEngine::Neato,
        LayoutEngine::Fdp,
        LayoutEngine::Sfdp,
        LayoutEngine::Circo,
        LayoutEngine::Twopi,
    ];

    /// The engine's name, as Graphviz spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            LayoutEngine::Dot => "dot",
            LayoutEngine::Neato => "neato",
            LayoutEngine::Fdp => "fdp",
            LayoutEngine::Sfdp => "sfdp",
            LayoutEngine::Circo => "circo",
            LayoutEngine::Twopi => "twopi",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase();
        LayoutEngine::ALL.into_iter().find(|l| l.as_str() == name)
    }

    fn graphviz(self) -> Layout {
        match self {
            LayoutEngine::Dot => Layout::Dot,
            LayoutEngine::Neato => Layout::Neato,
            LayoutEngine::Fdp => Layout::Fdp,
            LayoutEngine::Sfdp => Layout::Sfdp,
            LayoutEngine::Circo => Layout::Circo,
            LayoutEngine::Twopi => Layout::Twopi,
        }
    }
}

/// Graphviz `rankdir`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankDir {
    TopBottom,
    LeftRight,
    BottomTop,
    RightLeft,
}

impl RankDir {
    pub fn as_str(self) -> &'static str {
        match self {
            RankDir::TopBottom => "TB",
            RankDir::LeftRight => "LR",
            RankDir::BottomTop => "BT",
            RankDir::RightLeft => "RL",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_uppercase().as_str() {
            "TB" => Some(RankDir::TopBottom),
            "LR" => Some(RankDir::LeftRight),
            "BT" => Some(RankDir::BottomTop),
            "RL" => Some(RankDir::RightLeft),
            _ => None,
        }
    }
}

/// Why no picture came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// `dot` is not on PATH.
    GraphvizMissing,
    /// `dot` ran and failed; its message.
    Failed(String),
}

/// The one-line hint shown when Graphviz is missing.
pub const INSTALL_HINT: &str = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; Windows: winget install graphviz)";

/// Is the Graphviz `dot` program on PATH?
pub fn graphviz_available() -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|folder| {
        ["dot", "dot.exe"]
            .iter()
            .any(|name| folder.join(name).is_file())
    })
}

/// Render DOT text to an image with the `layout` engine (`-K`; `None` is
/// Graphviz's default, `dot`).
pub fn render(
    dot: &str,
    format: ImageFormat,
    layout: Option<LayoutEngine>,
) -> Result<Vec<u8>, RenderError> {
    if !graphviz_available() {
        return Err(RenderError::GraphvizMissing);
    }
    let mut args = vec![CommandArg::Format(format.graphviz())];
    args.extend(layout.map(|l| CommandArg::Layout(l.graphviz())));
    graphviz_rust::exec_dot(dot.to_owned(), args).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => RenderError::GraphvizMissing,
        _ => RenderError::Failed(e.to_string().trim().to_owned()),
    })
}
