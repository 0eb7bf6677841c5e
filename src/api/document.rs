//! What a GraphQL document costs, measured in time bounded by the limits themselves, before
//! async-graphql validates or runs it: how deeply its brackets nest (its parser and validator
//! recurse once per level), and how much work its operations expand to (a fragment's
//! selections each time it is spread, arguments, variables used more than once). Also short
//! syntax errors that never quote the document.

use std::collections::{HashMap, HashSet};

use async_graphql_value::{ConstValue, Value};

use async_graphql::{
    Name, Positioned, Variables,
    parser::{
        self,
        types::{Directive, ExecutableDocument, OperationType, Selection, SelectionSet},
    },
};

/// Deepest nesting of `{`, `[` and `(` a document may have. The parser, the validator and
/// serde recurse once per level of a literal value: a few hundred levels of `{a:{a:…}}`
/// overflowed a worker thread's stack and aborted the server. Queries are at most
/// `--query-depth-limit` selections deep, their arguments a few levels more.
pub const MAX_NESTING: usize = 64;

/// Longest error message async-graphql may give a client (it quotes names from the query).
pub const MAX_MESSAGE: usize = 200;

/// One unit of work per this many bytes of a string value.
const STRING_UNIT: usize = 64;

/// Whether the brackets of `query` nest deeper than `limit`, outside strings and comments.
/// One pass over the bytes; nothing is allocated.
pub fn nests_deeper_than(query: &str, limit: usize) -> bool {
    let bytes = query.as_bytes();
    let (mut at, mut depth) = (0, 0usize);
    while at < bytes.len() {
        match bytes[at] {
            b'#' => at = line_end(bytes, at),
            b'"' => at = string_end(bytes, at),
            b'{' | b'[' | b'(' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    false
}

/// The index of the line break that ends the comment at `at` (or the end).
fn line_end(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |n| at + n)
}

/// The index of the last quote of the string starting at `at` (or the end): `"…"` with
/// backslash escapes, or a block string `"""…"""` in which only `\"""` escapes.
fn string_end(bytes: &[u8], at: usize) -> usize {
    if bytes[at..].starts_with(b"\"\"\"") {
        let mut i = at + 3;
        while i < bytes.len() {
            if bytes[i..].starts_with(b"\\\"\"\"") {
                i += 4;
            } else if bytes[i..].starts_with(b"\"\"\"") {
                return i + 2;
            } else {
                i += 1;
            }
        }
        return bytes.len();
    }
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' | b'\n' | b'\r' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A parse error as a client may see it: where, and what was expected, never the source line
/// that async-graphql's parser quotes (pest's message). At most [`MAX_MESSAGE`] characters.
pub fn parse_error_message(error: &parser::Error) -> String {
    match error {
        parser::Error::Syntax { message, start, .. } => {
            let expected = message
                .lines()
                .rev()
                .find_map(|line| line.trim_start().strip_prefix("= "))
                // Messages of our own parser steps (numbers) have no source line.
                .unwrap_or(if message.contains('\n') {
                    ""
                } else {
                    message.as_str()
                });
            let at = format!(
                "syntax error at line {}, column {}",
                start.line, start.column
            );
            if expected.is_empty() {
                at
            } else {
                clip(&format!("{at}: {expected}"), MAX_MESSAGE)
            }
        }
        other => clip(&other.to_string(), MAX_MESSAGE),
    }
}

/// `text` cut to at most `max` characters, with `…` when cut.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max.saturating_sub(1)) {
        Some((end, _)) if text[end..].chars().nth(1).is_some() => format!("{}…", &text[..end]),
        _ => text.to_owned(),
    }
}

/// The type of the operation a request runs (`None` when the document does not say which).
pub fn operation_type(
    document: &ExecutableDocument,
    operation_name: Option<&str>,
) -> Option<OperationType> {
    let mut operations = document.operations.iter();
    let chosen = match operation_name {
        Some(name) => operations.find(|(n, _)| n.is_some_and(|n| n.as_str() == name)),
        None => operations.next(),
    };
    chosen.map(|(_, operation)| operation.node.ty)
}

/// What a document may cost.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Units of work: one per selection after expansion (a fragment's selections each time it
    /// is spread), per directive, per argument and per node of an argument's value (and per
    /// 64 bytes of a string); a variable's value counts nothing where it is first used (its
    /// size is bounded by the request's) and its size at every further use.
    pub work: usize,
    /// Aliases in the operations, after expansion.
    pub aliases: usize,
}

/// Why a document is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    Work,
    Aliases,
    /// A fragment no operation spreads: validation refuses it anyway, and its own selections
    /// would be validated without being counted.
    UnusedFragment(String),
}

/// The work `document` expands to with `variables`, counted until `budget` is exceeded: at
/// most `budget.work` steps, whatever the document (fragment cycles and doubling included).
pub fn measure(
    document: &ExecutableDocument,
    variables: &Variables,
    budget: Budget,
) -> Result<usize, Refusal> {
    let mut walk = Walk {
        document,
        variables,
        budget,
        left: budget.work,
        aliases: 0,
        spread: HashSet::new(),
        variable_weights: HashMap::new(),
    };
    for (_, operation) in document.operations.iter() {
        walk.directives(&operation.node.directives)?;
        walk.selection_set(&operation.node.selection_set.node)?;
    }
    walk.all_fragments_spread()?;
    Ok(budget.work - walk.left)
}

struct Walk<'a> {
    document: &'a ExecutableDocument,
    variables: &'a Variables,
    budget: Budget,
    /// Units of work left.
    left: usize,
    aliases: usize,
    /// The fragments spread so far.
    spread: HashSet<&'a str>,
    /// The variables used so far, with the weight of their value.
    variable_weights: HashMap<&'a str, usize>,
}

impl<'a> Walk<'a> {
    fn spend(&mut self, units: usize) -> Result<(), Refusal> {
        self.left = self.left.checked_sub(units).ok_or(Refusal::Work)?;
        Ok(())
    }

    /// Depth first with a stack of its own: a chain of spreads as long as the budget allows
    /// needs no call stack.
    fn selection_set(&mut self, set: &'a SelectionSet) -> Result<(), Refusal> {
        let mut stack = vec![set.items.iter()];
        while let Some(items) = stack.last_mut() {
            let Some(item) = items.next() else {
                stack.pop();
                continue;
            };
            self.spend(1)?;
            if let Some(inner) = self.selection(&item.node)? {
                stack.push(inner.items.iter());
            }
        }
        Ok(())
    }

    /// Counts what `selection` carries; returns the selections it leads to.
    fn selection(&mut self, selection: &'a Selection) -> Result<Option<&'a SelectionSet>, Refusal> {
        match selection {
            Selection::Field(field) => {
                let field = &field.node;
                if field.alias.is_some() {
                    self.aliases += 1;
                    if self.aliases > self.budget.aliases {
                        return Err(Refusal::Aliases);
                    }
                }
                self.arguments(&field.arguments)?;
                self.directives(&field.directives)?;
                Ok(Some(&field.selection_set.node))
            }
            Selection::InlineFragment(fragment) => {
                self.directives(&fragment.node.directives)?;
                Ok(Some(&fragment.node.selection_set.node))
            }
            Selection::FragmentSpread(spread) => {
                self.directives(&spread.node.directives)?;
                Ok(self.fragment(&spread.node.fragment_name.node))
            }
        }
    }

    /// The selections of a fragment (`None` for an unknown one: validation names it).
    fn fragment(&mut self, name: &Name) -> Option<&'a SelectionSet> {
        let (name, fragment) = self.document.fragments.get_key_value(name)?;
        self.spread.insert(name.as_str());
        Some(&fragment.node.selection_set.node)
    }

    fn directives(&mut self, directives: &'a [Positioned<Directive>]) -> Result<(), Refusal> {
        for directive in directives {
            self.spend(1)?;
            self.arguments(&directive.node.arguments)?;
        }
        Ok(())
    }

    fn arguments(
        &mut self,
        arguments: &'a [(Positioned<Name>, Positioned<Value>)],
    ) -> Result<(), Refusal> {
        for (_, value) in arguments {
            self.spend(1)?;
            self.value(&value.node)?;
        }
        Ok(())
    }

    /// A literal's nodes, and the variables in it.
    fn value(&mut self, value: &'a Value) -> Result<(), Refusal> {
        let mut stack = vec![value];
        while let Some(value) = stack.pop() {
            match value {
                Value::Variable(name) => self.variable(name)?,
                Value::List(items) => {
                    self.spend(1)?;
                    stack.extend(items);
                }
                Value::Object(fields) => {
                    self.spend(1)?;
                    stack.extend(fields.values());
                }
                Value::String(text) => self.spend(1 + text.len() / STRING_UNIT)?,
                Value::Binary(bytes) => self.spend(1 + bytes.len() / STRING_UNIT)?,
                Value::Null | Value::Number(_) | Value::Boolean(_) | Value::Enum(_) => {
                    self.spend(1)?
                }
            }
        }
        Ok(())
    }

    /// Free at its first use; its value's weight at every further one (async-graphql clones
    /// and checks the value at each).
    fn variable(&mut self, name: &'a Name) -> Result<(), Refusal> {
        if let Some(&weight) = self.variable_weights.get(name.as_str()) {
            return self.spend(weight);
        }
        let weight = self.variables.get(name).map_or(1, weight_of);
        self.variable_weights.insert(name.as_str(), weight);
        Ok(())
    }

    fn all_fragments_spread(&self) -> Result<(), Refusal> {
        match self
            .document
            .fragments
            .keys()
            .find(|name| !self.spread.contains(name.as_str()))
        {
            Some(name) => Err(Refusal::UnusedFragment(clip(name, 40))),
            None => Ok(()),
        }
    }
}

/// The weight of a variable's value: one per node, and one per 64 bytes of a string.
fn weight_of(value: &ConstValue) -> usize {
    let (mut weight, mut stack) = (0usize, vec![value]);
    while let Some(value) = stack.pop() {
        weight = weight.saturating_add(match value {
            ConstValue::List(items) => {
                stack.extend(items);
                1
            }
            ConstValue::Object(fields) => {
                stack.extend(fields.values());
                1
            }
            ConstValue::String(text) => 1 + text.len() / STRING_UNIT,
            ConstValue::Binary(bytes) => 1 + bytes.len() / STRING_UNIT,
            ConstValue::Null
            | ConstValue::Number(_)
            | ConstValue::Boolean(_)
            | ConstValue::Enum(_) => 1,
        });
    }
    weight
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::parse_query;

    const ROOMY: Budget = Budget {
        work: 10_000,
        aliases: 30,
    };

    fn measured(
        query: &str,
        variables: serde_json::Value,
        budget: Budget,
    ) -> Result<usize, Refusal> {
        let document = parse_query(query).expect("a valid document");
        measure(&document, &Variables::from_json(variables), budget)
    }

    /// `fragment F0 … { __typename }`, each next fragment spreading the previous one twice.
    fn doubling(levels: usize) -> String {
        let mut query = String::from("fragment F0 on Query { __typename }\n");
        for n in 1..=levels {
            query += &format!("fragment F{n} on Query {{ ...F{m} ...F{m} }}\n", m = n - 1);
        }
        query + &format!("{{ ...F{levels} }}")
    }

    #[test]
    fn selections_count_each_time_their_fragment_is_spread() {
        let query = "{ a { b c } ...F ...F } fragment F on Query { d e }";
        // a, b, c; two spreads of two fields each.
        assert_eq!(measured(query, serde_json::json!({}), ROOMY), Ok(3 + 2 * 3));
        // 3 * 2^n - 1: the spread, then each level's two spreads and what they expand to.
        assert_eq!(measured(&doubling(3), serde_json::json!({}), ROOMY), Ok(23));
    }

    #[test]
    fn doubling_fragments_stop_at_the_budget() {
        let tight = Budget {
            work: 1_000,
            ..ROOMY
        };
        assert_eq!(
            measured(&doubling(8), serde_json::json!({}), tight),
            Ok(767)
        );
        assert_eq!(
            measured(&doubling(9), serde_json::json!({}), tight),
            Err(Refusal::Work)
        );
        // 2^40 selections are refused after the budget's worth of steps.
        assert_eq!(
            measured(&doubling(40), serde_json::json!({}), ROOMY),
            Err(Refusal::Work)
        );
    }

    #[test]
    fn fragment_cycles_end_at_the_budget() {
        let query = "{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A }";
        assert_eq!(
            measured(query, serde_json::json!({}), ROOMY),
            Err(Refusal::Work)
        );
    }

    #[test]
    fn aliases_count_after_expansion() {
        let aliases: String = (0..20).map(|n| format!("a{n}: __typename ")).collect();
        let once = format!("{{ ...F }} fragment F on Query {{ {aliases} }}");
        assert!(measured(&once, serde_json::json!({}), ROOMY).is_ok());
        let twice = format!("{{ ...F ...F }} fragment F on Query {{ {aliases} }}");
        assert_eq!(
            measured(&twice, serde_json::json!({}), ROOMY),
            Err(Refusal::Aliases)
        );
    }

    #[test]
    fn a_variable_counts_its_size_from_its_second_use() {
        let keys: Vec<String> = (0..6_000).map(|n| format!("k{n}")).collect();
        let variables = serde_json::json!({ "keys": keys });
        let once = "query($keys: [String!]) { f(k: $keys) }";
        assert_eq!(measured(once, variables.clone(), ROOMY), Ok(1 + 1));
        let thrice = "query($keys: [String!]) { f(k: $keys, k: $keys, k: $keys) }";
        assert_eq!(measured(thrice, variables, ROOMY), Err(Refusal::Work));
    }

    #[test]
    fn literal_values_count_their_nodes_and_text() {
        let query = format!(
            "{{ f(a: [1, 2, 3], b: {{x: \"{}\"}}) @include(if: true) }}",
            "y".repeat(640)
        );
        // f; a: 1 + list 1 + 3; b: 1 + object 1 + string 11; the directive 1 + its argument 2.
        assert_eq!(
            measured(&query, serde_json::json!({}), ROOMY),
            Ok(1 + 5 + 13 + 3)
        );
    }

    #[test]
    fn unused_fragments_are_refused() {
        let query = "{ __typename } fragment Lost on Query { __typename }";
        assert_eq!(
            measured(query, serde_json::json!({}), ROOMY),
            Err(Refusal::UnusedFragment("Lost".into()))
        );
    }

    #[test]
    fn nesting_is_measured_outside_strings_and_comments() {
        assert!(!nests_deeper_than("{ a { b(x: [[1]]) } }", 5));
        assert!(nests_deeper_than("{ a { b(x: [[1]]) } }", 4));
        let quoted = format!(
            "{{ a(s: \"{}\\\"\", t: \"\"\"{}\\\"\"\" }}\"\"\") # {}\n }}",
            "{".repeat(99),
            "[".repeat(99),
            "(".repeat(99)
        );
        assert!(!nests_deeper_than(&quoted, 2));
        let deep = format!("{{ a(x: {}1{}) }}", "{a:".repeat(65), "}".repeat(65));
        assert!(nests_deeper_than(&deep, MAX_NESTING));
        // Unbalanced or unterminated input is the parser's business, not a panic here.
        assert!(!nests_deeper_than("}}]) \"abc", 3));
        assert!(!nests_deeper_than("\"\"\"", 3));
    }

    #[test]
    fn syntax_errors_say_where_and_never_quote_the_source() {
        let secret = "x".repeat(10_000);
        let error = parse_query(format!("{{ {secret} ( }}")).unwrap_err();
        let message = parse_error_message(&error);
        assert!(
            message.starts_with("syntax error at line 1, column "),
            "{message}"
        );
        assert!(message.contains("expected"), "{message}");
        assert!(!message.contains("xxxx"), "{message}");
        assert!(message.chars().count() <= MAX_MESSAGE, "{message}");
    }

    #[test]
    fn clip_cuts_at_a_character_boundary() {
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcd", 3), "ab…");
        assert_eq!(clip("ééééé", 3), "éé…");
        assert_eq!(clip("", 3), "");
    }

    #[test]
    fn the_operation_type_follows_the_operation_name() {
        let document = parse_query("query A { a } mutation B { b }").unwrap();
        assert_eq!(
            operation_type(&document, Some("B")),
            Some(OperationType::Mutation)
        );
        assert_eq!(
            operation_type(&document, Some("A")),
            Some(OperationType::Query)
        );
        assert_eq!(operation_type(&document, Some("C")), None);
        let single = parse_query("mutation { b }").unwrap();
        assert_eq!(operation_type(&single, None), Some(OperationType::Mutation));
    }
}
