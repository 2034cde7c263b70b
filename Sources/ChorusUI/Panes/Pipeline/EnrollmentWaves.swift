import ChorusCore

/// Which wave each enrollment is in, one number per enrollment, kept between builds of the
/// Pipeline's rows.
///
/// The first visit to a wave of a few hundred creators, at a million enrollments, walked every
/// enrollment to find its own: over 100 MB read for 18–22 ms. This column is 4 MB. It carries
/// on while the enrollments keep their layout (`EntityTable.layout`: rows replaced in place or
/// added at the end) and the last enrollment it read is still where it was (two copies of one
/// table share a layout, and each may have had other rows added), reading only the enrollments
/// added since; otherwise it is made again.
struct EnrollmentWaves {
    private var layout: RowLayout?
    private var lastRead: EnrollmentKey?
    private var waveOfEnrollment: [UInt32] = []
    private var numbers: [WaveID: UInt32] = [:]

    /// Where the enrollments in `wave` are in `enrollments`, in table order.
    mutating func positions(in wave: WaveID, of enrollments: EntityTable<Enrollment>) -> [Int32] {
        catchUp(with: enrollments)
        guard let number = numbers[wave] else { return [] }
        var positions: [Int32] = []
        waveOfEnrollment.withUnsafeBufferPointer { waves in
            for index in waves.indices where waves[index] == number { positions.append(Int32(index)) }
        }
        return positions
    }

    private mutating func catchUp(with enrollments: EntityTable<Enrollment>) {
        let read = waveOfEnrollment.count
        if layout !== enrollments.layout || read > enrollments.count || (read > 0 && enrollments[read - 1].key != lastRead) {
            (layout, waveOfEnrollment) = (enrollments.layout, [])
        }
        guard waveOfEnrollment.count < enrollments.count else { return }
        waveOfEnrollment.reserveCapacity(enrollments.count)
        // A program's enrollments come a wave at a time: the last wave's number is asked for
        // again with a compare, not a hash.
        var last: (wave: WaveID, number: UInt32)?
        for index in waveOfEnrollment.count..<enrollments.count {
            let wave = enrollments[index].waveID
            if let last, last.wave == wave {
                waveOfEnrollment.append(last.number)
                continue
            }
            let number = numbers[wave] ?? UInt32(numbers.count)
            numbers[wave] = number
            last = (wave, number)
            waveOfEnrollment.append(number)
        }
        lastRead = enrollments.last?.key
    }
}
