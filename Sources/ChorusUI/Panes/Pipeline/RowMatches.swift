import ChorusConcurrency

/// Which of a big wave's rows pass a filter's words, worked out for every row at once on both
/// cores: each row's stage and creator are read in row order, so the only jumps are into the
/// per-creator hits, and the candidates are then kept by one look each. Asking each word of
/// each candidate in turn, through nested arrays in sort order, was 15 ms of a keystroke at
/// 900 000 rows.
enum RowMatches {
    /// For each row, whether every word matches its stage (`stageMatches[word][stage]`) or its
    /// creator's text (`hits[word][creator position]`).
    static func passing(positions: [Int32], stages: [UInt8], stageMatches: [[Bool]], hits: [[Bool]]) -> [Bool] {
        Parallel.array(count: positions.count, pieces: Parallel.halves(of: positions.count).count) { range, out in
            (out + range.lowerBound).initialize(repeating: true, count: range.count)
            positions.withUnsafeBufferPointer { positions in
                stages.withUnsafeBufferPointer { stages in
                    for (stageMatch, hit) in zip(stageMatches, hits) {
                        hit.withUnsafeBufferPointer { hit in
                            for row in range where out[row] { out[row] = stageMatch[Int(stages[row])] || hit[Int(positions[row])] }
                        }
                    }
                }
            }
        }
    }

    /// The `candidates` that pass, in their order.
    static func keeping(_ candidates: [Int32], passing: [Bool]) -> [Int32] {
        let halves = Parallel.halves(of: candidates.count)
        let kept = passing.withUnsafeBufferPointer { passing in
            candidates.withUnsafeBufferPointer { candidates in
                nonisolated(unsafe) let (passing, candidates) = (passing, candidates)
                return Parallel.map(halves.count) { half in
                    var kept: [Int32] = []
                    kept.reserveCapacity(halves[half].count)
                    for index in halves[half] where passing[Int(candidates[index])] { kept.append(candidates[index]) }
                    return kept
                }
            }
        }
        return kept.count == 1 ? kept[0] : kept[0] + kept[1]
    }
}
