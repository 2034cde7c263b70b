/// What attribution reads of a survey answer: which order it is about and the words that may
/// name creators. A whole `SurveyResponse` has them, and so does the lighter `SurveyAnswerText`
/// that a report beside kept attribution reads, since it lists the answers' names and nothing else.
public protocol SurveyAnswerWording {
    var orderID: OrderID { get }
    /// The option the buyer picked, or what they typed into the answer.
    var response: String { get }
    /// The free text beside "Other", where buyers write names.
    var other: String? { get }
}

extension SurveyResponse: SurveyAnswerWording {}

/// A survey answer read for its order and words alone (no id, question, e-mail, coupon or
/// source): a million answers in a fraction of the memory and time of whole ones.
public struct SurveyAnswerText: SurveyAnswerWording, Sendable, Equatable {
    public var orderID: OrderID
    public var response: String
    public var other: String?

    public init(orderID: OrderID, response: String, other: String?) {
        self.orderID = orderID
        self.response = response
        self.other = other
    }
}
