// Package aoe holds the second tier of the workplace learning and
// performance competency model: the areas of expertise (AOEs), the
// specialised technical and professional fields that build on the focused
// use of the foundational competencies.
//
// Areas share the ID space of package competency: an area's ID is a
// [competency.ID], so a person is rated on areas and competencies alike.
// The nine areas of the ASTD 2004 model are available as constants
// ([Coaching], [DesigningLearning], ...) and as values ([All]), in the
// model's order.
//
// Learning technologies are not a tenth area: the model embeds knowledge of
// them in every area, and each [Area] records how they figure there.
package aoe
